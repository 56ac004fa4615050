import { stringify } from "yaml";
import { generateScenario } from "./generateScenario";

// Repeats `unit(i)` until the text is `size` characters long.
function fill(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, size);
}

/**
 * Texts of `size` characters that once made checking a scenario slow (seconds to minutes) or crash,
 * each named after its shape; for the check's tests and `server/bench/checkBench.ts`.
 */
export function hostileTexts(size: number): Record<string, string> {
  return {
    'lines of a: ["': fill(size, () => 'a: ["\n'),
    'lines of a: ["]': fill(size, () => 'a: ["]\n'),
    "unclosed quotes": fill(size, () => "'\n"),
    "tab indents": fill(size, () => "a:\n\tb: 1\n"),
    "one name, many times": fill(size, () => "a: 1\n"),
    "many distinct names": fill(size, (i) => `k${i}: 1\n`),
    "unknown top-level fields": `formatVersion: 1\n${fill(size - 17, (i) => `x${i}: 1\n`)}`,
    "many aliases": `a: &a [1]\n${fill(size - 10, (i) => `k${i}: *a\n`)}`,
    "deep brackets": fill(size, () => "["),
    "deep list items": fill(size, () => "- "),
    "explicit keys": fill(size, () => "? a\n"),
    // Valid YAML whose every target is misspelt: each one looks for the nearest state name.
    "every target misspelt": normalTextOfSize(size).replace(/target: s(\d+)/g, "target: t$1"),
  };
}

/** A valid generated scenario of about `size` characters: the baseline a hostile text is compared with. */
export function normalTextOfSize(size: number): string {
  const text = (states: number) => stringify(generateScenario({ states }));
  // Text grows about linearly with the states: scale the count until the text fits (two or three tries).
  let states = 100;
  let found = text(states);
  for (let tries = 0; tries < 4 && (found.length > size || found.length < 0.9 * size); tries++) {
    states = Math.max(6, Math.floor((states * size) / found.length) - (found.length > size ? 1 : 0));
    found = text(states);
  }
  while (found.length > size && states > 6) found = text(--states);
  return found;
}
