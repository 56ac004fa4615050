import { resolveLook, type ProjectorView } from "@hotseat/shared";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { projectorModel } from "./projectorModel";

const marta = resolveLook({ persona: { name: "Marta", look: { gender: "feminine" } } });

const wall: ProjectorView = {
  role: "projector",
  joinCode: "KQWXYR",
  joinOpen: false,
  traineeCount: 3,
  connectedCount: 3,
  phase: "deciding",
  paused: false,
  style: "class-vote",
  scenario: { id: "ruined-hat", title: "The ruined hat", currency: "EUR", look: marta },
  stepIndex: 1,
  customer: { name: "Marta", line: "It's a rag now.", emotion: "calm" },
  options: [],
  vote: { open: false },
  tally: [],
  votesCast: 0,
  tiedOptionIds: [],
  meters: { mood: 27, cost: 0 },
  ledger: [],
  teams: [],
  path: [],
  branches: [],
};

describe("the wall's words about the customer", () => {
  afterEach(() => setLocale("en"));

  it('says "Calmer" beside "27 Upset", never "Calm"', () => {
    setLocale("en");
    const model = projectorModel(wall, "", 0);
    expect(model.feeling?.word).toBe("Calmer");
    expect(model.meters?.mood.suffix).toBe("▼ Upset");
  });

  it("speaks of Marta in the feminine in Polish and Lithuanian, on the meter and beside the face", () => {
    setLocale("pl");
    const angry = {
      ...wall,
      customer: { ...wall.customer!, emotion: "anger" as const },
      meters: { mood: 10, cost: 0 },
    };
    expect(projectorModel(angry, "", 0).meters?.mood.suffix).toBe("▼▼ Wściekła");
    expect(projectorModel(angry, "", 0).feeling?.word).toBe("Rozgniewana");
    setLocale("lt");
    expect(projectorModel(angry, "", 0).meters?.mood.suffix).toBe("▼▼ Įsiutusi");
    const rimantas = {
      ...angry,
      scenario: { ...wall.scenario!, look: { ...marta, gender: "masculine" as const } },
    };
    expect(projectorModel(rimantas, "", 0).meters?.mood.suffix).toBe("▼▼ Įsiutęs");
  });
});
