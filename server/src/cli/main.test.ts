import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generateScenario } from "@hotseat/shared";
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
    "big/scenario.yaml": stringify(generateScenario({ states: 150 })),
    "twin/scenario.yaml": guideExample("example-scenario"),
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

  it("says a missing file is an error, never all ok", () => {
    const result = hotseat("check", join(root, "nosuch.yaml"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("nosuch.yaml: no such file or folder");
    expect(result.stdout).not.toContain("all ok");
    expect(result.stdout).toContain("1 name found nothing to check");
  });

  it("fails test for a scenario with errors even when it has no plans file", () => {
    const result = hotseat("test", join(root, "bad"));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("the scenario has errors, so it cannot be played");
  });

  it("reports two folders with the same scenario id as HS019 on both", () => {
    const result = hotseat("check", join(root, "good"), join(root, "twin"));
    expect(result.status).toBe(1);
    expect(result.stdout.match(/error HS019/g)).toHaveLength(2);
    expect(result.stdout).toContain(join(root, "twin", "scenario.yaml"));
  });

  it("stops quietly when the reader of its output goes away (| head)", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", main, "map", join(root, "big", "scenario.yaml"), "--format", "svg"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -c 100`: read the first chunk, then close the pipe while the map is still being written.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
