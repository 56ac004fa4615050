import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostileTexts } from "@hotseat/shared";
import { loadEntry, summarize } from "../scenarioLibrary";
import { CheckRefused, OffThreadChecker } from "./checkScenarioOffThread";

const fixtures = join(import.meta.dirname, "..", "..", "..", "tests", "server", "fixtures", "scenarios");
const good = readFileSync(join(fixtures, "short-call", "scenario.yaml"), "utf8");

// Starting a worker with tsx takes seconds on a busy machine.
describe("checking scenarios off the event loop", { timeout: 120_000 }, () => {
  const checkers: OffThreadChecker[] = [];
  const checker = (options?: ConstructorParameters<typeof OffThreadChecker>[0]) => {
    const made = new OffThreadChecker(options);
    checkers.push(made);
    return made;
  };
  afterAll(() => Promise.all(checkers.map((c) => c.close())));

  it("answers what the library's loader says, and keeps serving timers while it works", async () => {
    // A generous limit: this test is about where the work runs, not how fast a busy machine is.
    const c = checker({ timeoutMs: 60_000 });
    const entry = loadEntry(good, "short.yaml", "upload");
    expect(await c.check(good, "short.yaml")).toEqual({
      ...summarize(entry),
      diagnostics: entry.diagnostics,
    });

    let done = false;
    const hostile = c.check(hostileTexts(200_000)['lines of a: ["]'] ?? "", "hostile.yaml").then((r) => {
      done = true;
      return r;
    });
    // On the event loop, the check would finish before any timer could fire.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(false);
    const result = await hostile;
    expect(result.playable).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: "HS001", file: "hostile.yaml" });
  });

  it("stops a check that overruns its time, and checks the next text with a fresh worker", async () => {
    const c = checker({ timeoutMs: 1 });
    const slow = c.check(hostileTexts(200_000)["tab indents"] ?? "", "slow.yaml");
    await expect(slow).rejects.toMatchObject({ reason: "timeout" });
    await expect(slow).rejects.toBeInstanceOf(CheckRefused);
    const patient = checker({ timeoutMs: 60_000 });
    expect((await patient.check(good, "short.yaml")).playable).toBe(true);
  });

  it("refuses checks beyond the waiting line as busy", async () => {
    const c = checker({ maxWaiting: 1, timeoutMs: 60_000 });
    const first = c.check(good, "a.yaml");
    const second = c.check(good, "b.yaml");
    await expect(c.check(good, "c.yaml")).rejects.toMatchObject({ reason: "busy" });
    expect((await first).file).toBe("a.yaml");
    expect((await second).file).toBe("b.yaml");
  });
});
