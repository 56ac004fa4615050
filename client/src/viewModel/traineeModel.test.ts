import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { trainee } from "./roleViewFixtures";
import { traineeModel } from "./traineeModel";

setLocale("en");

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

  it("tells a trainee who did not vote what the class chose", () => {
    const missed = traineeModel({
      ...trainee({ can: "wait", vote: { open: false } }),
      phase: "revealed",
      missedVote: true,
      result: { stepIndex: 0, optionId: "listen", label: "Tell me more.", tags: [], decidedBy: "majority" },
    });
    expect(missed.status).toBe("You did not vote this time. The class chose: “Tell me more.”");
  });
});
