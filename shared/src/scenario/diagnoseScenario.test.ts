import { describe, expect, it } from "vitest";
import type { Diagnostic, DiagnosticCode } from "./diagnostic";
import { diagnoseScenario } from "./diagnoseScenario";
import { diagnoseSchema } from "./diagnoseSchema";
import { broken, lateParcelYaml, positionOf } from "./loadFixtures";
import { parseScenarioText } from "./parseScenarioText";

function diagnose(text: string): Diagnostic[] {
  const parsed = parseScenarioText(text, "late.yaml");
  const { scenario, diagnostics } = diagnoseSchema(parsed.data, parsed.positions, "late.yaml");
  if (!scenario) throw new Error(`the broken fixture must stay schema-valid: ${JSON.stringify(diagnostics)}`);
  return diagnoseScenario(scenario, parsed.positions, "late.yaml");
}

/** The only diagnostic with `code`; fails the test when there is none or several. */
function only(diagnostics: Diagnostic[], code: DiagnosticCode): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return found[0]!;
}

const stuckState = `    stuck:
      meta: { line: { en: Hmm., pl: Hmm. }, emotion: calm }
`;

describe("diagnoseScenario", () => {
  it("finds nothing wrong in the valid fixture", () => {
    expect(diagnose(lateParcelYaml)).toEqual([]);
  });

  it("HS003: an unknown target points at the target's value and suggests the near name", () => {
    const text = broken("target: calm", "target: clam");
    const d = only(diagnose(text), "HS003");
    expect(d).toMatchObject({ severity: "error", file: "late.yaml", ...positionOf(text, "clam") });
    expect(d.message).toBe(
      'Option "promise-friday" in state "checking" goes to "clam", but there is no state called "clam". ' +
        'Did you mean "calm"? (Check the spelling, or add a state named "clam".)',
    );
  });

  it("HS003: a visited guard naming an unknown state", () => {
    const text = broken(
      "{ type: moodBelow, params: { value: 30 } }",
      "{ type: visited, params: { state: chekcing } }",
    );
    const d = only(diagnose(text), "HS003");
    expect(d).toMatchObject(positionOf(text, "chekcing"));
    expect(d.message).toMatch(/no state called "chekcing"\. Did you mean "checking"\?/);
  });

  it("HS004: an unknown action points at its type and lists the actions", () => {
    const text = broken(
      "- type: effect\n              params: { mood: 10",
      "- type: efect\n              params: { mood: 10",
    );
    const d = only(diagnose(text), "HS004");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "efect") });
    expect(d.message).toMatch(/Option "ask-order" in state "opening" uses an action called "efect"/);
    expect(d.message).toMatch(/Did you mean "effect"\? \(The actions are: effect, remember, forget\.\)/);
  });

  it("HS005: an unknown guard, and a guard written where an action belongs", () => {
    const text = broken("type: moodBelow", "type: modBelow");
    const d = only(diagnose(text), "HS005");
    expect(d).toMatchObject(positionOf(text, "modBelow"));
    expect(d.message).toMatch(/uses a guard called "modBelow".*Did you mean "moodBelow"\?/);
    const mixed = broken("actions: [{ type: remember", "actions: [{ type: said");
    expect(only(diagnose(mixed), "HS004").message).toMatch(/"said" is a guard, not an action/);
  });

  it("HS006: bad params point at the offending param", () => {
    const text = broken("params: { value: 30 }", "params: { value: -5 }");
    const d = only(diagnose(text), "HS006");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "-5") });
    expect(d.message).toMatch(/"guard\.params\.value" of option "blame-courier" \(branch 1\).*at least 0/);
    const empty = broken("params: { mood: -20 }", "params: {}");
    expect(only(diagnose(empty), "HS006").message).toMatch(/must change at least one of mood/);
    const unknownParam = broken("params: { mood: -20 }", "params: { mod: -20 }");
    expect(only(diagnose(unknownParam), "HS006").message).toMatch(/field "mod".*Did you mean "mood"\?/);
  });

  it("HS006: a guard about an option nobody can choose, or a fact nobody remembers", () => {
    const text = broken(
      "{ type: moodBelow, params: { value: 30 } }",
      "{ type: chose, params: { option: shrugg } }",
    );
    expect(only(diagnose(text), "HS006")).toMatchObject({
      severity: "error",
      ...positionOf(text, "shrugg"),
      message: expect.stringMatching(/Did you mean "shrug"\?/) as unknown,
    });
    const fact = broken(
      "{ type: moodBelow, params: { value: 30 } }",
      "{ type: remembers, params: { fact: refunded } }",
    );
    expect(only(diagnose(fact), "HS006")).toMatchObject({
      severity: "warning",
      message: expect.stringMatching(/no action ever remembers it, so this guard never passes/) as unknown,
    });
  });

  it("HS006: a guard about a technique no option is tagged with", () => {
    const text = broken(
      "{ type: moodBelow, params: { value: 30 } }",
      "{ type: said, params: { tag: apologises } }",
    );
    expect(only(diagnose(text), "HS006")).toMatchObject({
      severity: "warning",
      ...positionOf(text, "apologises"),
      message: expect.stringMatching(
        /no option is tagged "apologises", so this guard never passes/,
      ) as unknown,
    });
  });

  it("does not mistake built-in object names for states", () => {
    const text = broken("initial: opening", "initial: constructor");
    expect(only(diagnose(text), "HS015").message).toMatch(/no state called "constructor"/);
    const action = broken("actions: [{ type: remember", "actions: [{ type: toString");
    expect(only(diagnose(action), "HS004").message).toMatch(/called "toString"/);
  });

  it("HS007: a state no option leads to", () => {
    const text = broken("target: calm", "target: gone");
    const d = only(diagnose(text), "HS007");
    expect(d).toMatchObject({ severity: "warning", ...positionOf(text, "calm:\n") });
    expect(d.message).toMatch(/State "calm" can never be reached/);
  });

  it("HS008: a non-final state with no way out", () => {
    const text = broken("    calm:\n", `${stuckState}    calm:\n`).replace(
      "target: gone\n          actions: [{ type: effect, params: { mood: -20 } }]",
      "target: stuck\n          actions: [{ type: effect, params: { mood: -20 } }]",
    );
    const d = only(diagnose(text), "HS008");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "stuck:") });
    expect(d.message).toMatch(/State "stuck" is not an ending, but the trainee has no way out/);
  });

  it("HS008: automatic checks without guards that go round in a circle", () => {
    const loop = `    ping:
      meta: { line: { en: One., pl: Raz. }, emotion: calm }
      always: { target: pong }
    pong:
      meta: { line: { en: Two., pl: Dwa. }, emotion: calm }
      always: [{ guard: { type: moodBelow, params: { value: 10 } }, target: gone }, { target: ping }]
`;
    const text = broken("    calm:\n", `${loop}    calm:\n`).replace(
      "target: gone\n          actions: [{ type: effect, params: { mood: -20 } }]",
      "target: ping\n          actions: [{ type: effect, params: { mood: -20 } }]",
    );
    const d = only(
      diagnose(text).filter((x) => x.code !== "HS006"),
      "HS008",
    );
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "always: { target: pong }") });
    expect(d.message).toMatch(/go round in a circle \("ping" → "pong" → "ping"\)/);
  });

  it("HS008: a loop of options that never reaches an ending names its states", () => {
    const loop = `    ping:
      meta: { line: { en: One., pl: Raz. }, emotion: calm }
      on: { again: { target: pong, meta: { label: { en: Again, pl: Znowu } } } }
    pong:
      meta: { line: { en: Two., pl: Dwa. }, emotion: calm }
      on: { back: { target: ping, meta: { label: { en: Back, pl: Wróć } } } }
`;
    const text = broken("    calm:\n", `${loop}    calm:\n`).replace(
      "target: gone\n          actions: [{ type: effect, params: { mood: -20 } }]",
      "target: ping\n          actions: [{ type: effect, params: { mood: -20 } }]",
    );
    const d = only(diagnose(text), "HS008");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "ping:\n") });
    expect(d.message).toMatch(/can never end once it reaches states "ping", "pong"/);
  });

  it("HS007: options that are never offered because the state is an ending", () => {
    const text = broken(
      "        ending: calmed\n",
      "        ending: calmed\n      on:\n        again: { target: opening, meta: { label: Again } }\n",
    );
    const d = only(diagnose(text), "HS007");
    expect(d).toMatchObject({ severity: "warning", ...positionOf(text, "on:\n        again") });
    expect(d.message).toMatch(/State "calm" is an ending, so its options \(again\) are never offered/);
  });

  it("HS009: an ending that no final state names", () => {
    const text = broken(
      "endings:\n",
      "endings:\n  praised:\n    outcome: ambassador\n    title: { en: Fan, pl: Fan }\n    debrief: { en: Wow., pl: Wow. }\n",
    );
    const d = only(diagnose(text), "HS009");
    expect(d).toMatchObject({ severity: "warning", ...positionOf(text, "praised:") });
    expect(d.message).toMatch(/The ending "praised" is never used/);
  });

  it("HS011: a text missing a language, and a plain text in a two-language scenario", () => {
    const text = broken("  pl: Dostawa w dwa dni\n", "");
    const d = only(diagnose(text), "HS011");
    expect(d).toMatchObject({ severity: "warning", ...positionOf(text, "brokenPromise:") });
    expect(d.message).toBe(
      '"brokenPromise" has no text in Polish (pl). Add "pl: ..." to it, or trainees in that language will see another language.',
    );
    const plain = broken(
      "  name: Marek\n  description:\n    en: Ordered a gift for his daughter.\n    pl: Zamówił prezent dla córki.",
      "  name: Marek\n  description: Ordered a gift.",
    );
    expect(only(diagnose(plain), "HS011")).toMatchObject({
      ...positionOf(plain, "Ordered a gift."),
      message: expect.stringMatching(/"persona\.description" is written in one language only/) as unknown,
    });
  });

  it("HS011: a text in a language the scenario does not list", () => {
    const text = broken("  pl: Dostawa w dwa dni\n", "  pk: Dostawa w dwa dni\n");
    const found = diagnose(text).filter((d) => d.code === "HS011");
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/"brokenPromise" has no text in Polish \(pl\)/),
      expect.stringMatching(
        /has a text in "pk", which is not one of the scenario's languages \(en, pl\)\. Did you mean "pl"\?/,
      ),
    ]);
    expect(found[1]).toMatchObject(positionOf(text, "pk:"));
  });

  it("HS012: two options of a state with the same label in one language", () => {
    const text = broken(
      "{ en: No idea., pl: Nie wiem. }",
      "{ en: It will arrive on Friday., pl: Nie wiem. }",
    );
    const d = only(diagnose(text), "HS012");
    expect(d).toMatchObject({
      severity: "warning",
      ...positionOf(text, "{ en: It will arrive on Friday., pl: Nie"),
    });
    expect(d.message).toMatch(
      /Options "promise-friday" and "shrug" in state "checking" have the same label .* in English \(en\)/,
    );
  });

  it("HS014: a final state without an ending, or naming an unknown one", () => {
    const text = broken("        ending: lost\n", "");
    const d = only(diagnose(text), "HS014");
    expect(d).toMatchObject({
      severity: "error",
      ...positionOf(text, "meta:\n        line: { en: Forget it."),
    });
    expect(d.message).toMatch(/State "gone" is an ending \(type: final\) but does not say which ending/);
    const typo = broken("ending: lost", "ending: lots");
    expect(only(diagnose(typo), "HS014")).toMatchObject({
      ...positionOf(typo, "lots"),
      message: expect.stringMatching(/no ending called "lots"\. Did you mean "lost"\?/) as unknown,
    });
  });

  it("HS015: an unknown initial state", () => {
    const text = broken("initial: opening", "initial: openng");
    const d = only(diagnose(text), "HS015");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "openng") });
    expect(d.message).toMatch(/starts in "openng".*Did you mean "opening"\?/);
    expect(diagnose(text).filter((x) => x.code === "HS007")).toEqual([]);
  });

  it("HS016: an option with no label on any branch", () => {
    const text = broken("            label: { en: No idea., pl: Nie wiem. }\n", "");
    const d = only(diagnose(text), "HS016");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "shrug:") });
    expect(d.message).toMatch(/Option "shrug" in state "checking" has no label/);
  });

  it("HS020: an estimated duration no class could sit through (seconds written as minutes)", () => {
    expect(diagnose(broken("audience: B2C\n", "audience: B2C\nestimatedMinutes: 25\n"))).toEqual([]);
    const text = broken("audience: B2C\n", "audience: B2C\nestimatedMinutes: 900\n");
    const d = only(diagnose(text), "HS020");
    expect(d).toMatchObject({ severity: "warning", ...positionOf(text, "900") });
    expect(d.message).toMatch(/estimatedMinutes is 900, more than 180 minutes .*\(not seconds\)/);
  });

  it("refuses an estimated duration that is not a whole number of minutes above zero (HS002)", () => {
    for (const bad of ["0", "-5", "12.5", "twenty"]) {
      const parsed = parseScenarioText(
        broken("audience: B2C\n", `audience: B2C\nestimatedMinutes: ${bad}\n`),
        "late.yaml",
      );
      const { scenario, diagnostics } = diagnoseSchema(parsed.data, parsed.positions, "late.yaml");
      expect(scenario).toBeUndefined();
      expect(diagnostics.map((x) => x.code)).toEqual(["HS002"]);
    }
  });
});
