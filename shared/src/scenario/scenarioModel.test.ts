import { describe, expect, it } from "vitest";
import { compileScenario } from "./compileScenario";
import { generateScenario } from "./generateScenario";
import { choose, contextOfRun, optionsAt, startRun } from "./runScenario";
import { modelOf, startStep, stepOption } from "./scenarioModel";
import { hatScenario } from "./testFixtures";

// The analyses walk the normalised model; the run API asks XState. Both must agree on every step.
describe("the model interpreter and the XState machine", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agree on options, targets and context along random walks (seed ${seed})`, () => {
      const compiled = compileScenario(generateScenario({ states: 40, seed, guardRate: 0.5 }));
      const model = modelOf(compiled);
      let pick = seed;
      for (let walk = 0; walk < 20; walk++) {
        let run = startRun(compiled);
        let at = startStep(model);
        expect(contextOfRun(run)).toEqual(at.ctx);
        while (!run.ended) {
          const snapshot = compiled.machine.resolveState({ value: run.stateId, context: contextOfRun(run) });
          const state = model.states.get(run.stateId);
          const xstateAvailable = (state?.options ?? [])
            .filter((o) => snapshot.can({ type: o.id }))
            .map((o) => o.id);
          const options = optionsAt(compiled, run).map((o) => o.id);
          expect(options).toEqual(xstateAvailable);
          if (options.length === 0) break;
          pick = (pick * 1103515245 + 12345) % 2147483648;
          const optionId = options[pick % options.length] as string;
          run = choose(compiled, run, optionId);
          const next = stepOption(model, at.stateId, at.ctx, optionId);
          expect(next?.stateId).toBe(run.stateId);
          expect(next?.ctx).toEqual(contextOfRun(run));
          if (next !== undefined) at = next;
        }
      }
    });
  }

  it("treats a transition to the current state as not re-entering it, like XState", () => {
    const s = hatScenario();
    const details = s.machine.states["details"];
    if (details?.on === undefined) throw new Error("fixture changed");
    details.on["pause"] = {
      target: "details",
      actions: [{ type: "effect", params: { mood: 1 } }],
      meta: { label: "Hm." },
    };
    details.entry = [{ type: "effect", params: { mood: 2 } }];
    const compiled = compileScenario(s);
    const run = choose(compiled, choose(compiled, startRun(compiled), "ask-what-happened"), "pause");
    const model = modelOf(compiled);
    const first = stepOption(model, "opening", startStep(model).ctx, "ask-what-happened");
    const second = first && stepOption(model, first.stateId, first.ctx, "pause");
    expect(run.meters.mood).toBe(20 + 10 + 2 + 1);
    expect(second?.ctx.mood).toBe(run.meters.mood);
  });
});
