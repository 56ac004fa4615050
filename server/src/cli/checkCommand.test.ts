import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCommand } from "./checkCommand";
import { memoryIo } from "./cliIo";
import { guideExample, useTempTrees } from "./cliTestFixtures";

describe("hotseat check", () => {
  const tree = useTempTrees();

  it("passes the example scenario of the README with its size and no diagnostics", async () => {
    const root = tree({ "late-parcel/scenario.yaml": guideExample("example-scenario") });
    const io = memoryIo();
    expect(await checkCommand.run([root], io)).toBe(0);
    expect(io.lines).toEqual([`${join(root, "late-parcel", "scenario.yaml")}: ok, 8 states, 4 endings`]);
  });

  it("fails on a misspelt target, pointing at the line with a caret and a suggestion", async () => {
    const broken = guideExample("example-scenario")
      .replace("target: relieved", "target: releived")
      .replace("id: late-parcel", "id: late-parcel-draft");
    const root = tree({
      "broken/scenario.yaml": broken,
      "good/scenario.yaml": guideExample("example-scenario"),
    });
    const io = memoryIo();
    expect(await checkCommand.run([root], io)).toBe(1);
    const text = io.text();
    const file = join(root, "broken", "scenario.yaml");
    const line = broken.split("\n").findIndex((l) => l.includes("releived")) + 1;
    expect(text).toMatch(new RegExp(`${file.replace(/[\\/.]/g, "\\$&")}:${line}:\\d+ +error HS003`));
    expect(text).toContain('"relieved"');
    expect(text).toContain(`  ${line} |           target: releived`);
    expect(text).toMatch(/\n +\| +\^/);
    expect(text).toMatch(new RegExp(`${file.replace(/[\\/.]/g, "\\$&")}: 1 error(,|$)`, "m"));
    expect(text).toContain("good/scenario.yaml: ok, 8 states, 4 endings");
    expect(text).toMatch(/Checked 2 files: \d+ errors?, \d+ warnings?\./);
  });

  it("reports a YAML syntax error as HS001 and warnings without failing unless --strict", async () => {
    const warned = guideExample("example-scenario").replace("languages: [en]", "languages: [en, pl]");
    const root = tree({ "warned/scenario.yaml": warned });
    const io = memoryIo();
    expect(await checkCommand.run([root], io)).toBe(0);
    expect(io.text()).toContain("warning HS011");
    expect(io.text()).toMatch(/scenario\.yaml: \d+ warnings?, 8 states, 4 endings/);
    expect(await checkCommand.run([root, "--strict"], memoryIo())).toBe(1);

    const syntax = tree({ "bad/scenario.yaml": 'formatVersion: 1\ntitle: "unclosed\nid: x\n' });
    const io2 = memoryIo();
    expect(await checkCommand.run([syntax], io2)).toBe(1);
    expect(io2.text()).toMatch(/scenario\.yaml:2:\d+ +error HS001/);
  });

  it("checks the plans.yaml beside a scenario, reporting a choice that cannot be made as HS018", async () => {
    const good = tree({
      "late-parcel/scenario.yaml": guideExample("example-scenario"),
      "late-parcel/plans.yaml": guideExample("example-plans"),
    });
    const io = memoryIo();
    expect(await checkCommand.run([good], io)).toBe(0);
    expect(io.lines).toContain(`${join(good, "late-parcel", "plans.yaml")}: ok, 3 plans`);

    const plans = guideExample("example-plans").replace(
      "[blame-courier, apologise-and-check]",
      "[blame-courier, refund]",
    );
    const bad = tree({
      "late-parcel/scenario.yaml": guideExample("example-scenario"),
      "late-parcel/plans.yaml": plans,
    });
    const io2 = memoryIo();
    expect(await checkCommand.run([bad], io2)).toBe(1);
    const line = plans.split("\n").findIndex((l) => l.includes("[blame-courier, refund]")) + 1;
    expect(io2.text()).toMatch(
      new RegExp(`plans\\.yaml:${line}:\\d+ +error HS018 +Plan 'Blaming the courier cannot be repaired'`),
    );
    expect(io2.text()).toContain("there is no option 'refund' in 'upset'");
    expect(io2.lines).toContain(`${join(bad, "late-parcel", "plans.yaml")}: 1 error`);
  });

  it("says so when a path names nothing, and asks for a path when none is given", async () => {
    const io = memoryIo();
    expect(await checkCommand.run(["no/such/folder"], io)).toBe(1);
    expect(io.errors).toContain("no/such/folder: no such file or folder");
    const none = memoryIo();
    expect(await checkCommand.run([], none)).toBe(2);
    expect(none.errors[0]).toContain("name at least one scenario file or folder");
  });
});
