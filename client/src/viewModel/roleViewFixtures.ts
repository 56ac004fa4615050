import type { TraineeView } from "@hotseat/shared";

// Views as the server sends them, shared by the role models' tests.

/** Two options of the ruined hat's first decision. */
export const options = [
  { id: "listen", label: "Tell me what happened." },
  { id: "label", label: "The label says hand wash." },
];
export const customer = { name: "Marta", line: "Crap hat!", emotion: "anger" as const };
export const vote = { open: true };

/** A trainee's view in an open class vote, with `over` on top. */
export function trainee(over: Partial<TraineeView> = {}): TraineeView {
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
