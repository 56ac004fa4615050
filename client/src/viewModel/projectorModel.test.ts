import type { ProjectorView } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { projectorModel } from "./projectorModel";
import { customer, options } from "./roleViewFixtures";

setLocale("en");

const lobby: ProjectorView = {
  role: "projector",
  joinCode: "KQWXYR",
  joinOpen: true,
  traineeCount: 3,
  connectedCount: 3,
  phase: "lobby",
  paused: false,
  style: "teams",
  scenario: { id: "ruined-hat", title: "The ruined hat", currency: "EUR" },
  stepIndex: 0,
  options: [],
  vote: { open: false },
  tally: [],
  votesCast: 0,
  tiedOptionIds: [],
  ledger: [],
  teams: [
    {
      id: "team-1",
      name: "Team 1",
      memberCount: 1,
      stepIndex: 0,
      meters: { mood: 0, cost: 0 },
      ended: false,
    },
    {
      id: "team-2",
      name: "Team 2",
      memberCount: 2,
      stepIndex: 0,
      meters: { mood: 0, cost: 0 },
      ended: false,
    },
  ],
  path: [],
  branches: [],
};

describe("projector lobby in team play", () => {
  it("lists each team with its name and member count next to the join code", () => {
    const m = projectorModel(lobby, "http://x/join/KQWXYR", 0);
    expect(m.join?.code).toBe("KQWXYR");
    expect(m.teams?.map((row) => [row.name, row.members])).toEqual([
      ["Team 1", "1 member"],
      ["Team 2", "2 members"],
    ]);
  });

  it("has no team board before the trainer splits the class or in other styles", () => {
    expect(projectorModel({ ...lobby, teams: [] }, "", 0).teams).toBeUndefined();
    expect(projectorModel({ ...lobby, style: "class-vote", teams: [] }, "", 0).teams).toBeUndefined();
  });
});

describe("projector", () => {
  const base: ProjectorView = {
    role: "projector",
    joinCode: "KQWXYR",
    joinOpen: true,
    traineeCount: 3,
    connectedCount: 3,
    phase: "voting",
    paused: false,
    style: "class-vote",
    scenario: { id: "ruined-hat", title: "The ruined hat", currency: "EUR" },
    stepIndex: 0,
    customer,
    options,
    vote: { open: true, deadline: 10_000 },
    tally: [{ optionId: "listen", count: 2 }],
    votesCast: 2,
    tiedOptionIds: [],
    meters: { mood: 12, cost: 25 },
    ledger: [{ item: "replacement", amount: 25 }],
    teams: [],
    path: [],
    branches: [],
  };

  it("shows the tally with counts for every option, the leader, votes cast and seconds left", () => {
    const m = projectorModel(base, "http://x/join/KQWXYR", 4_100);
    expect(m.tally?.bars.map((b) => [b.count, b.leading])).toEqual([
      [2, true],
      [0, false],
    ]);
    expect(m.tally?.votes).toBe("2 of 3 voted");
    expect(m.tally?.timer).toBe("6 s left");
  });

  it("writes mood with number, shape and word, and the cost itemised in the scenario's currency", () => {
    const m = projectorModel(base, "", 0);
    expect(m.meters?.mood.suffix).toBe("▼▼ Furious");
    expect(m.meters?.costLines).toEqual([{ label: "Replacement", amount: "€25" }]);
    expect(m.meters?.costTotal).toBe("€25");
  });

  it("tells good techniques from defence mechanisms on the wall by shape and words, not colour alone", () => {
    const result = {
      stepIndex: 0,
      optionId: "listen",
      label: "Tell me what happened.",
      tags: ["acknowledges-emotion" as const, "blames-subcontractor" as const],
      decidedBy: "majority" as const,
    };
    const m = projectorModel({ ...base, phase: "revealed", result }, "", 0);
    expect(m.result?.tags.map((b) => [b.good, b.text])).toEqual([
      [true, "✔ Technique: Acknowledges the emotion"],
      [false, "✖ Defence mechanism: Blaming the subcontractor"],
    ]);
  });

  it("keeps the class's split beside the answer revealed, which a defence mechanism never gets a tick for", () => {
    const result = {
      stepIndex: 0,
      optionId: "label",
      label: "The label says hand wash.",
      tags: ["blames-customer" as const],
      decidedBy: "tie-draw" as const,
    };
    const resultSplit = [
      { optionId: "listen", label: "Tell me what happened.", count: 2 },
      { optionId: "label", label: "The label says hand wash.", count: 2 },
    ];
    const m = projectorModel({ ...base, phase: "revealed", options: [], result, resultSplit }, "", 0);
    expect(m.result).toMatchObject({
      mark: "⚠",
      headline: "A tie, drawn by lot: The label says hand wash.",
    });
    // The bar of the answer played stands out, not every leader.
    expect(m.result?.split?.map((b) => [b.label, b.count, b.leading])).toEqual([
      ["Tell me what happened.", 2, false],
      ["The label says hand wash.", 2, true],
    ]);
  });

  it("announces a tie with its votes instead of just closing the vote", () => {
    const m = projectorModel(
      {
        ...base,
        phase: "closed",
        vote: { open: false },
        tally: [
          { optionId: "listen", count: 5 },
          { optionId: "label", count: 5 },
        ],
        tiedOptionIds: ["listen", "label"],
      },
      "",
      0,
    );
    expect(m.phaseText).toBe("A tie");
    expect(m.tally?.tie).toBe(
      "A tie: 5 for “Tell me what happened.”, 5 for “The label says hand wash.” — the trainer decides",
    );
  });

  it("shows the ending as its own moment, green only when the customer stays", () => {
    const ending = {
      id: "gone",
      outcome: "public-adversary" as const,
      title: "Gone public",
      debrief: "A post.",
    };
    const m = projectorModel({ ...base, phase: "ending", options: [], ending }, "", 0);
    expect(m.phaseText).toBe("How it ended");
    expect(m.ending).toEqual({
      outcome: "Public adversary",
      title: "Gone public",
      debrief: "A post.",
      good: false,
    });
  });

  it("keeps the join code and address up while joining is open, large in the lobby", () => {
    expect(projectorModel({ ...base, phase: "lobby" }, "http://x/join/KQWXYR", 0).join).toMatchObject({
      code: "KQWXYR",
      big: true,
    });
    expect(projectorModel({ ...base, joinOpen: false }, "", 0).join).toBeUndefined();
  });
});
