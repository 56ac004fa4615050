import { trainerControlIds } from "@hotseat/shared";
import type { TrainerControls, TrainerControlId, TrainerView } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { customer } from "./roleViewFixtures";
import { touchLabel, trainerModel, visibleControls } from "./trainerModel";

setLocale("en");

describe("trainer console", () => {
  /** The server's answer for each control: only the named ones would be accepted now. */
  const allowed = (...ids: TrainerControlId[]): TrainerControls =>
    Object.fromEntries(trainerControlIds.map((id) => [id, ids.includes(id)])) as TrainerControls;
  const playing = allowed("openVote", "override", "pause", "skip", "end", "lock");
  const base: TrainerView = {
    role: "trainer",
    joinCode: "KQWXYR",
    locked: false,
    phase: "deciding",
    paused: false,
    style: "class-vote",
    scenario: { id: "ruined-hat", title: "The ruined hat", currency: "EUR", uploaded: false },
    roster: [{ id: "t1", name: "Ana", connected: true, removed: false }],
    projectorCount: 1,
    stepIndex: 0,
    customer,
    options: [
      {
        id: "listen",
        label: "Tell me what happened.",
        tags: ["listens"],
        effects: { mood: 10, reputation: 0, strain: 0, cost: 3 },
      },
    ],
    vote: { open: false },
    tally: [],
    votes: {},
    marks: {},
    tiedOptionIds: [],
    ledger: [],
    teams: [],
    history: [],
    branches: [],
    controls: playing,
  };

  it("offers opening the vote before a vote and closing it during one, as the server allows", () => {
    const before = trainerModel(base);
    expect(before.controls.find((c) => c.id === "ctl.vote")).toMatchObject({
      enabled: true,
      message: { type: "trainer.openVote" },
    });
    expect(before.controls.find((c) => c.id === "ctl.reveal")?.enabled).toBe(false);
    const during = trainerModel({
      ...base,
      phase: "voting",
      controls: allowed("closeVote", "reveal", "pause"),
    });
    expect(during.controls.find((c) => c.id === "ctl.vote")?.message).toEqual({ type: "trainer.closeVote" });
    expect(during.controls.find((c) => c.id === "ctl.reveal")?.enabled).toBe(true);
  });

  it("shows only the controls that apply: start in the lobby, no class vote in team play", () => {
    const ids = (view: TrainerView) => visibleControls(view, trainerModel(view).controls).map((c) => c.id);
    const lobby = ids({ ...base, phase: "lobby", controls: allowed("start", "lock") });
    expect(lobby).toContain("ctl.start");
    expect(lobby).not.toContain("ctl.reveal");
    const during = ids(base);
    expect(during).toEqual(expect.arrayContaining(["ctl.vote", "ctl.reveal", "ctl.pause", "ctl.end"]));
    // After a class reveal "Open vote" is the way on: no second button doing the same.
    expect(during).not.toContain("ctl.next");
    expect(during).not.toContain("ctl.start");
    expect(during).not.toContain("ctl.seat");
    const teams = ids({ ...base, style: "teams" });
    expect(teams).not.toContain("ctl.reveal");
    expect(teams).toContain("ctl.pause");
    const hotSeat = ids({
      ...base,
      style: "hot-seat",
      phase: "revealed",
      controls: allowed("next", "passSeat"),
    });
    expect(hotSeat).toEqual(expect.arrayContaining(["ctl.seat", "ctl.next"]));
    expect(hotSeat).not.toContain("ctl.vote");
    expect(hotSeat).not.toContain("ctl.reveal");
    const next = trainerModel({ ...base, style: "hot-seat", controls: allowed("next") }).controls.find(
      (c) => c.id === "ctl.next",
    );
    expect(next).toMatchObject({ enabled: true, message: { type: "trainer.next" } });
    expect(lobby).toContain("ctl.names");
    const hidden = trainerModel({ ...base, phase: "lobby", namesHidden: true }).controls.find(
      (c) => c.id === "ctl.names",
    );
    expect(hidden).toMatchObject({ label: "Show names on the wall", message: { show: true } });
  });

  it("drops the keyboard hints from the phone remote's buttons", () => {
    expect(touchLabel("Open vote (V)")).toBe("Open vote");
    expect(touchLabel("◷ 60 s")).toBe("◷ 60 s");
  });

  it("makes Next show the ending once the last decision is revealed, then the debrief, in teams too", () => {
    const next = (v: TrainerView) => trainerModel(v).controls.find((c) => c.id === "ctl.next");
    const revealed: TrainerView = {
      ...base,
      phase: "revealed",
      options: [],
      controls: allowed("showEnding", "end"),
    };
    expect(next(revealed)).toMatchObject({
      label: "Next: how it ended (N)",
      enabled: true,
      message: { type: "trainer.showEnding" },
    });
    const ending: TrainerView = { ...base, phase: "ending", options: [], controls: allowed("end") };
    expect(next(ending)).toMatchObject({ label: "Next: the debrief (N)", message: { type: "trainer.end" } });
    const ids = (view: TrainerView) => visibleControls(view, trainerModel(view).controls).map((c) => c.id);
    expect(ids({ ...revealed, style: "teams" })).toContain("ctl.next");
    expect(ids({ ...ending, style: "teams" })).toContain("ctl.next");
  });

  it("counts votes in the status line only while a class vote is on", () => {
    expect(trainerModel({ ...base, phase: "lobby" }).status).toBe(
      "Trainees are joining. Choose a scenario and press Start when the room is ready.",
    );
    expect(trainerModel({ ...base, phase: "voting", votes: { t1: "listen" } }).status).toMatch(
      / · 1 of 1 voted$/,
    );
  });

  it("previews each option's effects in words for the trainer only", () => {
    expect(trainerModel(base).previews[0]).toMatchObject({
      effects: "Mood +10 · Cost +€3",
      tags: "✔ Listens",
    });
  });

  it("offers a seeded draw and skipping exactly when the server says they apply", () => {
    const draw = (v: TrainerView) => trainerModel(v).controls.find((c) => c.id === "ctl.tieDraw");
    expect(draw(base)?.enabled).toBe(false);
    const tied: TrainerView = {
      ...base,
      phase: "closed",
      tiedOptionIds: ["listen", "label"],
      controls: allowed("breakTie"),
    };
    expect(draw(tied)).toMatchObject({
      enabled: true,
      message: { type: "trainer.breakTie", draw: true },
    });
    expect(trainerModel(base).controls.find((c) => c.id === "ctl.skip")).toMatchObject({
      enabled: true,
      message: { type: "trainer.skip" },
    });
    const lobby: TrainerView = { ...base, phase: "lobby", controls: allowed("start") };
    expect(trainerModel(lobby).controls.find((c) => c.id === "ctl.skip")?.enabled).toBe(false);
  });

  it("rewinds one team's run from that team's decisions in team play", () => {
    const decision = {
      stepIndex: 0,
      optionId: "listen",
      label: "Tell me what happened.",
      decidedBy: "team" as const,
      byName: "Ana",
      tags: ["listens" as const],
      tally: [],
      votes: {},
      marks: {},
      at: 0,
      meters: { mood: 40, cost: 3 },
    };
    const team = {
      id: "team-2",
      name: "Team 2",
      memberCount: 2,
      stepIndex: 1,
      meters: { mood: 40, cost: 3 },
      ended: false,
      memberIds: ["t1", "t2"],
      options: [],
      history: [decision],
    };
    const m = trainerModel({ ...base, style: "teams", teams: [team] });
    expect(m.history).toEqual([
      {
        id: "rewind.team-2.0",
        teamId: "team-2",
        stepIndex: 0,
        text: "Team 2 · 1. Tell me what happened. (Ana)",
        split: "",
        rewindLabel: "⟲ Rewind Team 2 to step 1",
        rewind: { type: "trainer.rewind", stepIndex: 0, teamId: "team-2" },
      },
    ]);
    expect(trainerModel({ ...base, history: [decision] }).history[0]?.rewind).toEqual({
      type: "trainer.rewind",
      stepIndex: 0,
    });
  });
});
