import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { guideExample, tempTree } from "./cliTestFixtures";

const main = join(dirname(fileURLToPath(import.meta.url)), "main.ts");

// The one test that starts a real process: exit codes and stdout are what CI and trainers see.
function hotseat(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
}

// Starting Node with tsx takes seconds on a busy machine.
describe("npm run hotseat (the real entry point)", { timeout: 60_000 }, () => {
  const root = tempTree({
    "good/scenario.yaml": guideExample("example-scenario"),
    "bad/scenario.yaml": guideExample("example-scenario").replace("emotion: fear", "emotion: scared"),
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("exits 0 for a clean scenario and 1 when one has an error", () => {
    const good = hotseat("check", join(root, "good"));
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("ok, 8 states, 4 endings");
    const bad = hotseat("check", join(root, "bad"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("error HS017");
  });

  it("exits 2 with help on stderr for an unknown command", () => {
    const result = hotseat("chekc");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('there is no command called "chekc"');
  });
});
