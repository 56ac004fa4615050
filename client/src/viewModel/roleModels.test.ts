import { trainerControlIds } from "@hotseat/shared";
import type {
  ProjectorView,
  TraineeView,
  TrainerControls,
  TrainerControlId,
  TrainerView,
} from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { projectorModel } from "./projectorModel";
import { traineeModel } from "./traineeModel";
import { touchLabel, trainerModel, visibleControls } from "./trainerModel";

setLocale("en");
const options = [
  { id: "listen", label: "Tell me what happened." },
  { id: "label", label: "The label says hand wash." },
];
const customer = { name: "Marta", line: "Crap hat!", emotion: "anger" as const };
const vote = { open: true };

function trainee(over: Partial<TraineeView> = {}): TraineeView {
  return {
    role: "trainee",
    me: { id: "t1", name: "Ana", removed: false },
    phase: "voting",
    paused: false,
    style: "class-vote",
    stepIndex: 0,
    customer,
    options,
    can: "vote",
    vote,
    teams: [],
    ...over,
  };
}

describe("trainee phone", () => {
  it("asks for a vote, then confirms it, then says when it was changed", () => {
    expect(traineeModel(trainee()).status).toBe("Tap a response to vote.");
    const voted = traineeModel(trainee({ myVote: "listen" }), "listen");
    expect(voted.status).toBe("✔ Voted. You can change it until the vote closes.");
    expect(voted.cards.find((c) => c.selected)?.id).toBe("listen");
    expect(traineeModel(trainee({ myVote: "label" }), "listen").status).toBe(
      "✔ Vote changed. You can change it until the vote closes.",
    );
  });

  it("counts a timed vote down on the phone", () => {
    const m = traineeModel(trainee({ vote: { open: true, deadline: 30_000 } }), undefined, 20_500);
    expect(m.status).toMatch(/^◷ 10 s left · /);
  });

  it("greys the cards out when the vote is closed or paused", () => {
    const closed = traineeModel(trainee({ phase: "closed", can: "wait" }));
    expect(closed.action).toBeUndefined();
    expect(closed.cards.every((c) => !c.enabled)).toBe(true);
    expect(closed.status).toBe("The vote is closed.");
    expect(traineeModel(trainee({ paused: true })).action).toBeUndefined();
  });

  it("shows the reveal with expert feedback and named techniques", () => {
    const m = traineeModel(
      trainee({
        phase: "revealed",
        can: "wait",
        result: {
          stepIndex: 0,
          optionId: "listen",
          label: "Tell me what happened.",
          feedback: "Listening first.",
          tags: ["listens", "denies-emotion"],
          decidedBy: "majority",
        },
      }),
    );
    expect(m.reveal).toEqual({
      label: "Tell me what happened.",
      // A choice that is a defence mechanism is never ticked.
      headline: "The class chose: Tell me what happened.",
      mark: "⚠",
      feedback: "Listening first.",
      tags: [
        { tag: "listens", good: true, text: "✔ Technique: Listens", short: "✔ Listens" },
        {
          tag: "denies-emotion",
          good: false,
          text: "✖ Defence mechanism: Denying the emotion",
          short: "✖ Denying the emotion",
        },
      ],
    });
    expect(m.cards).toEqual([]);
  });

  it("shows a team the feedback on its last choice while it picks the next one", () => {
    const m = traineeModel(
      trainee({
        style: "teams",
        phase: "deciding",
        can: "choose",
        result: {
          stepIndex: 0,
          optionId: "listen",
          label: "Tell me what happened.",
          feedback: "Listening first.",
          tags: ["listens"],
          decidedBy: "team",
        },
      }),
    );
    expect(m.reveal?.feedback).toBe("Listening first.");
    expect(m.cards).toHaveLength(2);
  });

  it("offers the trainer's teams in the lobby with member counts and marks the trainee's own", () => {
    const m = traineeModel(
      trainee({
        phase: "lobby",
        style: "teams",
        can: "wait",
        options: [],
        team: { id: "team-2", name: "Team 2", captainName: "Ben", isCaptain: false },
        teams: [
          { id: "team-1", name: "Team 1", memberCount: 3 },
          { id: "team-2", name: "Team 2", memberCount: 1 },
        ],
      }),
    );
    expect(m.teamChoices).toEqual([
      { id: "team-1", label: "Team 1 · 3 members", selected: false },
      { id: "team-2", label: "Team 2 · 1 member", selected: true },
    ]);
    expect(traineeModel(trainee()).teamChoices).toEqual([]);
  });

  it("tells the hot-seat holder to choose and the others to mark", () => {
    expect(
      traineeModel(
        trainee({
          style: "hot-seat",
          phase: "deciding",
          can: "choose",
          hotSeat: { holderName: "Ana", inSeat: true },
        }),
      ).status,
    ).toBe("You are in the hot seat: choose the response.");
    const observer = traineeModel(
      trainee({
        style: "hot-seat",
        phase: "deciding",
        can: "mark",
        hotSeat: { holderName: "Ben", inSeat: false },
      }),
    );
    expect(observer.action).toBe("trainee.mark");
    expect(observer.status).toBe("Ben is in the hot seat. What would you say?");
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

  it("tells a trainee who did not vote what the class chose", () => {
    const missed = traineeModel({
      ...trainee({ can: "wait", vote: { open: false } }),
      phase: "revealed",
      missedVote: true,
      result: { stepIndex: 0, optionId: "listen", label: "Tell me more.", tags: [], decidedBy: "majority" },
    });
    expect(missed.status).toBe("You did not vote this time. The class chose: “Tell me more.”");
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
