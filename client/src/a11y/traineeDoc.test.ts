import type { TraineeView } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { debriefModel } from "../viewModel/debriefModel";
import { metersModel } from "../viewModel/meters";
import { traineeModel } from "../viewModel/traineeModel";
import type { A11yBlock, A11yDoc } from "./a11yDoc";
import { debriefDoc } from "./debriefDoc";
import { traineeDoc } from "./traineeDoc";

setLocale("en");
const options = [
  { id: "listen", label: "Tell me what happened." },
  { id: "label", label: "The label says hand wash." },
];
const result = {
  stepIndex: 0,
  optionId: "listen",
  label: "Tell me what happened.",
  feedback: "Listening first.",
  tags: ["listens", "denies-emotion"] as NonNullable<TraineeView["result"]>["tags"],
  decidedBy: "majority" as const,
};

function view(over: Partial<TraineeView> = {}): TraineeView {
  return {
    role: "trainee",
    me: { id: "t1", name: "Ana", removed: false },
    phase: "voting",
    paused: false,
    style: "class-vote",
    stepIndex: 0,
    customer: { name: "Marta", line: "Crap hat!", emotion: "anger" },
    meters: { mood: 27, cost: 45 },
    options,
    can: "vote",
    vote: { open: true },
    teams: [],
    ...over,
  };
}

function doc(v: TraineeView, now?: number): A11yDoc {
  const model = traineeModel(v, v.myVote, now);
  return traineeDoc(model, v.meters ? metersModel(v.meters, [], "EUR", "en") : undefined);
}

const block = <K extends A11yBlock["kind"]>(d: A11yDoc, key: string, kind: K) =>
  d.blocks.find((b) => b.key === key && b.kind === kind) as Extract<A11yBlock, { kind: K }> | undefined;

describe("the trainee's page for a screen reader", () => {
  it("reads the customer's line, the meters and the vote's state, and offers the options as buttons", () => {
    const d = doc(view());
    expect(block(d, "line", "text")).toMatchObject({
      live: "polite",
      text: "Marta (Angry) says: “Crap hat!”",
    });
    expect(block(d, "meters", "list")?.items).toEqual(["Mood: 27 of 100, Upset", "Cost: €45"]);
    expect(block(d, "status", "text")).toMatchObject({ live: "status", text: "Tap a response to vote." });
    expect(block(d, "options", "buttons")?.buttons).toEqual([
      { id: "option.listen", text: "1. Tell me what happened.", pressed: false, disabled: false },
      { id: "option.label", text: "2. The label says hand wash.", pressed: false, disabled: false },
    ]);
  });

  it("says the vote was cast and marks the chosen button pressed", () => {
    const d = doc(view({ myVote: "label" }));
    expect(block(d, "status", "text")?.text).toMatch(/^✔ Voted/);
    expect(block(d, "options", "buttons")?.buttons.map((b) => b.pressed)).toEqual([false, true]);
  });

  it("keeps a timed vote's countdown out of the announced status", () => {
    const d = doc(view({ vote: { open: true, deadline: 30_000 } }), 20_500);
    expect(block(d, "status", "text")?.text).toBe("Tap a response to vote.");
    expect(block(d, "timer", "text")).toEqual({ key: "timer", kind: "text", text: "10 s left" });
  });

  it("keeps closed or paused options findable but disabled", () => {
    const d = doc(view({ phase: "closed", can: "wait" }));
    expect(block(d, "options", "buttons")?.buttons.every((b) => b.disabled)).toBe(true);
    expect(block(d, "status", "text")?.text).toBe("The vote is closed.");
  });

  it("announces the reveal: the choice, its techniques named, the expert's feedback", () => {
    const d = doc(view({ phase: "revealed", can: "wait", result }));
    expect(block(d, "feedback", "list")).toMatchObject({
      live: "polite",
      items: [
        "The class chose: Tell me what happened.",
        "✔ Technique: Listens",
        "✖ Defence mechanism: Denying the emotion",
        "Expert feedback: Listening first.",
      ],
    });
    expect(block(d, "options", "buttons")).toBeUndefined();
  });

  it("reads each trainee their own choice beside the class's, with the expert's word on theirs", () => {
    const mine = {
      kind: "vote" as const,
      optionId: "blame",
      label: "You missed the courier.",
      feedback: "Blaming the customer angers him.",
      tags: ["blames-customer" as const],
    };
    const d = doc(view({ phase: "revealed", can: "wait", result, myChoice: mine }));
    expect(block(d, "feedback", "list")?.items).toEqual([
      "The class chose: Tell me what happened.",
      "You chose “You missed the courier.” · the class chose “Tell me what happened.”",
      "✔ Technique: Listens",
      "✖ Defence mechanism: Denying the emotion",
      "Expert feedback: Listening first.",
      "On your choice: You missed the courier.",
      "✖ Defence mechanism: \"It's the customer's own fault\"",
      "Expert feedback: Blaming the customer angers him.",
    ]);
  });

  it("announces a tie and how it was settled, and gives a solo player the button to move on", () => {
    const tied = doc(view({ phase: "closed", can: "wait", tiedOptionIds: ["listen", "label"] }));
    expect(block(tied, "status", "text")?.text).toMatch(/^A tie between “.+”, “.+” — the trainer decides\.$/);
    const drawn = doc(view({ phase: "revealed", can: "wait", result: { ...result, decidedBy: "tie-draw" } }));
    expect(block(drawn, "feedback", "list")?.items[0]).toBe("A tie, drawn by lot: Tell me what happened.");
    const solo = doc(view({ phase: "revealed", can: "wait", options: [], result, moveOn: "ending" }));
    expect(block(solo, "move-on", "buttons")?.buttons).toEqual([
      { id: "moveOn", text: "See how it ended ▶" },
    ]);
    expect(block(solo, "status", "text")?.text).toBe("That was the last decision.");
  });

  it("lets the hot seat's holder choose and the observers mark, with the state said in words", () => {
    const seated = doc(
      view({
        style: "hot-seat",
        phase: "deciding",
        can: "choose",
        hotSeat: { inSeat: true, holderName: "Ana" },
      }),
    );
    expect(block(seated, "status", "text")?.text).toBe("You are in the hot seat: choose the response.");
    expect(block(seated, "options", "buttons")?.buttons).toHaveLength(2);
    const observer = doc(
      view({
        style: "hot-seat",
        phase: "deciding",
        can: "mark",
        hotSeat: { inSeat: false, holderName: "Ben" },
      }),
    );
    expect(block(observer, "status", "text")?.text).toMatch(/Ben/);
    expect(block(observer, "options", "buttons")?.buttons.every((b) => !b.disabled)).toBe(true);
  });

  it("offers the lobby's teams as buttons and names the trainee's team in the title", () => {
    const d = doc(
      view({
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
    expect(block(d, "title", "heading")?.text).toMatch(/Team 2$/);
    expect(block(d, "teams", "buttons")?.buttons).toEqual([
      { id: "team.team-1", text: "Team 1 · 3 members", pressed: false },
      { id: "team.team-2", text: "Team 2 · 1 member", pressed: true },
    ]);
  });

  it("reads a solo run's ending", () => {
    const d = doc(
      view({
        style: "solo",
        phase: "revealed",
        can: "wait",
        options: [],
        ending: { id: "e", title: "Loyal customer", debrief: "She comes back.", outcome: "kept" },
      }),
    );
    expect(block(d, "ending", "heading")?.text).toMatch(/Loyal customer$/);
    expect(block(d, "ending-text", "text")?.text).toBe("She comes back.");
  });
});

describe("the debrief for a screen reader", () => {
  it("lists the path with its techniques and gives the chart as numbers", () => {
    const m = debriefModel({
      path: [
        {
          stepIndex: 0,
          optionId: "listen",
          label: "Tell me.",
          decidedBy: "majority",
          tags: ["listens"],
          moodAfter: 40,
          costAfter: 0,
        },
        {
          stepIndex: 1,
          optionId: "refund",
          label: "Refund.",
          decidedBy: "majority",
          tags: [],
          moodAfter: 70,
          costAfter: 45,
        },
      ],
      startMeters: { mood: 20, cost: 0 },
      currency: "EUR",
      locale: "en",
    });
    const d = debriefDoc(m, { currency: "EUR", locale: "en" });
    expect(block(d, "path", "list")?.items).toEqual(["1. Tell me. — ✔ Technique: Listens", "2. Refund."]);
    expect(block(d, "chart", "list")?.items).toEqual([
      "Mood, step by step: 20 → 40 → 70",
      "Cost, step by step: €0 → €0 → €45",
    ]);
    expect(block(d, "defences", "list")?.items).toEqual(["None"]);
  });
});
