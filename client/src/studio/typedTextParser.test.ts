import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenarioText, typedTextParser } from "@hotseat/shared";
import type { ParsedText } from "@hotseat/shared";

const flagship = readFileSync(
  join(import.meta.dirname, "../../../scenarios/ruined-hat/scenario.yaml"),
  "utf8",
);

// A small seeded generator: the same edits on every run, so a failure can be replayed.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every path into the data, for comparing where each one is written. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** Compares with a full parse: the data, the diagnostics, and where every `every`-th path is written. */
function expectSame(got: ParsedText, text: string, every = 1): ParsedText {
  const full = parseScenarioText(text, "hat.yaml");
  expect(got.diagnostics).toEqual(full.diagnostics);
  expect(got.data).toEqual(full.data);
  const paths = pathsOf(full.data).filter((_, i) => i % every === 0);
  const where = (p: ParsedText) => paths.map((path) => [p.positions.keyAt(path), p.positions.valueAt(path)]);
  expect(where(got)).toEqual(where(full));
  return full;
}

describe("reading a scenario as it is typed", () => {
  it("patches the last document for an edit inside a quoted text, and reads the same as a full parse", () => {
    const parse = typedTextParser("hat.yaml");
    expect(parse(flagship).patched).toBe(false);
    const typed = flagship.replace(/(\n\s+line:\n\s+en: ")/, "$1Well, ");
    const got = parse(typed);
    expect(got.patched).toBe(true);
    expectSame(got, typed, 3);
    // Deleting what was typed, and an escape-free quote of its own: still patched, still the same.
    const back = parse(flagship);
    expect(back.patched).toBe(true);
    expectSame(back, flagship, 3);
  }, 30_000);

  it("reads in full whatever could change the structure: quotes, line breaks, names, brackets", () => {
    const parse = typedTextParser("hat.yaml");
    parse(flagship);
    for (const edit of [
      flagship.replace(/(\n\s+line:\n\s+en: ")/, '$1"'),
      flagship.replace(/(\n\s+line:\n\s+en: ")/, "$1\n"),
      flagship.replace("initial: ", "initiall: "),
      flagship.replace(/(\n\s+line:\n\s+en: ")/, "$1{"),
    ]) {
      const got = parse(edit);
      expect(got.patched).toBe(false);
      expectSame(got, edit, 5);
      parse(flagship);
    }
  }, 30_000);

  it("equals a full parse over a run of random edits, typed and deleted anywhere", () => {
    const next = random(10);
    const parse = typedTextParser("hat.yaml");
    let text = flagship;
    parse(text);
    // Edits mostly inside texts (after an opening quote), some anywhere, of characters YAML cares about.
    const quotes = [...flagship.matchAll(/: "/g)].map((m) => (m.index ?? 0) + 3);
    const chars = ["a", " ", "é", "★", ":", "#", "-", '"', "'", "\\", "\n", "{", "]", "&", "*"];
    let patched = 0;
    for (let i = 0; i < 50; i += 1) {
      const before = text;
      const inText = next() < 0.75;
      const at = inText
        ? Math.min(text.length, (quotes[Math.floor(next() * quotes.length)] ?? 0) + Math.floor(next() * 20))
        : Math.floor(next() * text.length);
      text =
        next() < 0.3
          ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3))
          : text.slice(0, at) + (chars[Math.floor(next() * chars.length)] ?? "a") + text.slice(at);
      const got = parse(text);
      if (got.patched) patched += 1;
      // A text that no longer reads is put back, as a trainer would fix it: that edit is checked next.
      if (expectSame(got, text, 5).diagnostics.length > 0) text = before;
    }
    expect(patched).toBeGreaterThan(10);
  }, 60_000);
});
