import type { ProjectorView } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { projectorModel } from "./projectorModel";

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
