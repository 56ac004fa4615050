import { trainerControlIds } from "@hotseat/shared";
import type { TrainerControls, TrainerTeam, TrainerView } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { teamPreviews } from "./teamPreviewModel";

setLocale("en");

const longLine =
  "I washed it exactly once, on the gentlest cycle my machine has, and now it would not fit a doll. " +
  "Eighty-nine euros! I want to know what you are going to do about it, today, not next week.";

function team(over: Partial<TrainerTeam>): TrainerTeam {
  return {
    id: "team-1",
    name: "Team 1",
    memberCount: 2,
    stepIndex: 1,
    meters: { mood: 41.6, cost: 25 },
    ended: false,
    memberIds: ["t1", "t2"],
    captainId: "t2",
    customer: { name: "Marta", line: longLine, emotion: "anger" },
    options: [
      {
        id: "listen",
        label: "Tell me what happened.",
        tags: ["listens", "blames-customer"],
        effects: { mood: 10, reputation: 0, strain: 0, cost: 0 },
      },
      {
        id: "refund",
        label: "Here is your money back.",
        tags: [],
        effects: { mood: -5, reputation: 2, strain: 0, cost: 89 },
      },
    ],
    history: [],
    ...over,
  };
}

const view = (teams: TrainerTeam[]): TrainerView => ({
  role: "trainer",
  joinCode: "KQWXYR",
  locked: false,
  phase: "deciding",
  paused: false,
  style: "teams",
  scenario: { id: "ruined-hat", title: "The ruined hat", currency: "EUR", uploaded: false },
  roster: [
    { id: "t1", name: "Ana", connected: true, removed: false, teamId: "team-1" },
    { id: "t2", name: "Ben", connected: true, removed: false, teamId: "team-1" },
  ],
  projectorCount: 1,
  stepIndex: 0,
  controls: Object.fromEntries(trainerControlIds.map((id) => [id, false])) as TrainerControls,
  options: [],
  vote: { open: false },
  tally: [],
  votes: {},
  marks: {},
  tiedOptionIds: [],
  ledger: [],
  teams,
  history: [],
  branches: [],
});

describe("team play preview on the trainer console", () => {
  it("shows each playing team's step, captain, meters, a short customer line and every option's effects", () => {
    const [p] = teamPreviews(view([team({})]));
    expect(p).toMatchObject({
      name: "Team 1",
      heading: "Step 2 · 2 members · captain: Ben",
      meters: "Mood 42 · Cost €25",
      status: "Still talking",
      tone: "neutral",
      ended: false,
    });
    expect(p?.line.startsWith("Marta: “I washed it exactly once")).toBe(true);
    // Cut at a word, well short of the full line, and marked as cut.
    expect(p?.line.length).toBeLessThan(160);
    expect(p?.line).toMatch(/\w…”$/);
    expect(p?.options.map((o) => o.effects)).toEqual(["Mood +10", "Mood -5 · Reputation +2 · Cost +€89"]);
    expect(p?.options[0]?.badges.map((b) => [b.short, b.good])).toEqual([
      ["✔ Listens", true],
      ["✖ \"It's the customer's own fault\"", false],
    ]);
  });

  it("shows an ended team's outcome and ending instead of options", () => {
    const ended = team({
      id: "team-2",
      name: "Team 2",
      ended: true,
      stepIndex: 3,
      options: [],
      ending: { id: "kept", outcome: "kept", title: "A new hat by Friday", debrief: "" },
    });
    const [, p] = teamPreviews(view([team({}), ended]));
    expect(p).toMatchObject({
      heading: "2 members · captain: Ben",
      status: "Ending: Customer kept — A new hat by Friday",
      tone: "good",
      line: "",
      options: [],
      ended: true,
    });
    const lost = team({ ended: true, options: [], outcome: "public-adversary", endingTitle: "Screenshots" });
    expect(teamPreviews(view([lost]))[0]).toMatchObject({
      status: "Ending: Public adversary — Screenshots",
      tone: "bad",
    });
  });
});
