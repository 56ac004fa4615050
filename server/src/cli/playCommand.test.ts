import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "./cliIo";
import { guideExample, useGuideScenario, useTempTrees } from "./cliTestFixtures";
import { playCommand } from "./playCommand";

describe("hotseat play", () => {
  const example = useGuideScenario();
  const tree = useTempTrees();

  it("plays a list of choices to an ending, showing lines, feedback, meters and the debrief", async () => {
    const io = memoryIo();
    const code = await playCommand.run([example.file, "--choices", "ask-order-number,send-express,1"], io);
    expect(code).toBe(0);
    const text = io.text();
    expect(text).toContain(`Marta [fear]: "My son's birthday is tomorrow`);
    expect(text).toContain("(The tracking page says the parcel is stuck in a depot.)");
    expect(text).toContain(
      "Expert: You named her worry and moved to action at once. [acknowledges emotion, listens]",
    );
    expect(text).toMatch(/Mood +█+░+ +40\/100 +\(\+10\)/);
    expect(text).toContain("Cost          17 EUR = staff time 2 EUR + shipping 15 EUR");
    expect(text).toMatch(/Reputation +█+░+ +50\/100/);
    expect(text).toContain("== Ending: A party to remember (ambassador) ==");
    expect(text).toContain("Marta will tell other parents about you.");
    expect(text).toContain("Path (3 choices): ask-order-number → send-express → add-card");
    expect(text).toContain(
      "Techniques used: acknowledges emotion, listens, offers solution, keeps informed, lets customer win",
    );
    expect(text).toContain("--choices ask-order-number,send-express,add-card");
  });

  it("names the anti-patterns used on the way to a bad ending", async () => {
    const io = memoryIo();
    expect(await playCommand.run([example.file, "--choices", "blame-courier,apologise-and-check"], io)).toBe(
      0,
    );
    expect(io.text()).toContain("== Ending: A one-star review (public-adversary) ==");
    expect(io.text()).toContain("Anti-patterns:   blames subcontractor");
    expect(io.text()).toMatch(/Reputation +█+░+ +20\/100/);
  });

  it("stops with exit 1 and lists the options when a scripted choice is not available", async () => {
    const io = memoryIo();
    expect(await playCommand.run([example.file, "--choices", "ask-order-number,add-card"], io)).toBe(1);
    expect(io.errors.join("\n")).toContain(
      'Choice 2 "add-card" is not available in state "checking". The options here are: 1 send-express, 2 refund.',
    );
  });

  it("asks interactively, re-asks after bad input, accepts numbers and ids, and quits on q", async () => {
    const io = memoryIo(["7", "hello", "", "1", "refund"]);
    expect(await playCommand.run([example.file], io)).toBe(0);
    const text = io.text();
    expect(text).toContain(
      '"7" is not one of the responses: type a number from 1 to 3, an option id, or q to quit.',
    );
    expect(text).toContain('"hello" is not one of the responses');
    expect(text).toContain("Type the number of a response, 1 to 3, or q to quit.");
    expect(text).toContain("== Ending: A refund and a lost customer (lost-quietly) ==");

    const quitter = memoryIo(["q"]);
    expect(await playCommand.run([example.file], quitter)).toBe(0);
    expect(quitter.text()).toContain("Stopped after 0 choices.");
    expect(quitter.text()).not.toContain("== Ending");
  });

  it("shuffles the options the same way for the same --seed", async () => {
    const order = async (seed: string) => {
      const io = memoryIo(["q"]);
      await playCommand.run([example.file, "--seed", seed], io);
      return io.lines.filter((l) => /^ {2}\d\. /.test(l));
    };
    expect(await order("7")).toEqual(await order("7"));
    const seeds = await Promise.all(["1", "2", "3", "4", "5"].map(order));
    expect(new Set(seeds.map((s) => s.join("|"))).size).toBeGreaterThan(1);
  });

  it("plays in the language asked for, and says when the scenario lacks it", async () => {
    const bilingual = guideExample("example-scenario")
      .replace("languages: [en]", "languages: [en, pl]")
      .replace(
        "        line: My son's birthday is tomorrow and the present you promised still isn't here!",
        "        line:\n          en: My son's birthday is tomorrow!\n          pl: Urodziny syna są jutro!",
      );
    const dir = tree({ "s.yaml": bilingual });
    const pl = memoryIo();
    expect(await playCommand.run([join(dir, "s.yaml"), "--lang", "pl", "--choices", "2,1,1"], pl)).toBe(0);
    expect(pl.text()).toContain('Marta [fear]: "Urodziny syna są jutro!"');
    expect(pl.errors).toEqual([]);
    const de = memoryIo();
    expect(await playCommand.run([join(dir, "s.yaml"), "--lang", "de", "--choices", "2,1,1"], de)).toBe(0);
    expect(de.text()).toContain('Marta [fear]: "My son\'s birthday is tomorrow!"');
    expect(de.errors[0]).toContain('this scenario is written in en, pl; texts missing in "de"');
  });

  it("refuses a broken scenario, showing its errors", async () => {
    const broken = tree({
      "s.yaml": guideExample("example-scenario").replace("initial: opening", "initial: start"),
    });
    const io = memoryIo();
    expect(await playCommand.run([join(broken, "s.yaml"), "--choices", "1"], io)).toBe(1);
    expect(io.text()).toContain("error HS015");
    expect(io.errors.join("\n")).toContain("fix the errors above first");
  });
});
