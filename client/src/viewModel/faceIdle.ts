/** How long the breath cycle lasts, in ms: a calm adult breathes about 14 times a minute. */
export const breathCycleMs = 4300;

/** The breath at `elapsed` ms: 0 breathed out … 1 breathed in, a smooth wave. */
export function idleBreath(elapsed: number): number {
  return (1 - Math.cos((2 * Math.PI * elapsed) / breathCycleMs)) / 2;
}

/** Milliseconds until the next blink for a random number 0..1: 2.5 to 6 s, as people blink when calm. */
export function nextBlinkDelay(random: number): number {
  return 2500 + Math.max(0, Math.min(1, random)) * 3500;
}
