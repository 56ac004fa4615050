// Times the scenario check on hostile texts beside a normal scenario of the same size:
// `npx tsx server/bench/checkBench.ts`. Prints, for 12, 30 and 200 KB, the in-process
// `loadScenario` time of each text, then how long the event loop stalls while the server's
// off-thread checker works on the worst one (against checking it on the event loop).
import { performance } from "node:perf_hooks";
import { hostileTexts, loadScenario, normalTextOfSize } from "@hotseat/shared";
import { OffThreadChecker } from "../src/checking/checkScenarioOffThread";

// Best of a few runs: the figure a quiet machine would show, less skewed by other processes.
function time(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const sizes = [12_000, 30_000, 200_000];
const rows: Record<string, Record<string, string>> = {};
for (const size of sizes) {
  const column = `${size / 1000} KB`;
  const normal = normalTextOfSize(size);
  (rows["normal scenario (same size)"] ??= {})[column] = ms(time(() => loadScenario(normal, "normal.yaml")));
  for (const [name, text] of Object.entries(hostileTexts(size))) {
    (rows[name] ??= {})[column] = ms(time(() => loadScenario(text, "hostile.yaml")));
  }
}
console.table(rows);

// The longest gap between timer ticks while `work` runs: what every live session waits at worst.
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  await work();
  clearInterval(timer);
  return Math.max(worst, performance.now() - last);
}

const worst = hostileTexts(200_000)['lines of a: ["]'] ?? "";
const checker = new OffThreadChecker({ timeoutMs: 120_000 });
await checker.check("formatVersion: 1\n", "warm-up.yaml");
const offThread = await longestStall(() => checker.check(worst, "hostile.yaml"));
const onLoop = await longestStall(async () => {
  await new Promise((resolve) => setTimeout(resolve, 10));
  loadScenario(worst, "hostile.yaml");
});
await checker.close();
console.log(
  `Longest event-loop stall while checking 200 KB of 'a: ["]' lines: ${ms(offThread)} off-thread (POST /api/scenarios/check), ${ms(onLoop)} on the event loop.`,
);
