import { z } from "zod";

/**
 * How a class plays a scenario: everyone votes, one trainee in the hot seat while the others
 * mark secretly, teams with a run each, or one trainee alone.
 */
export const playStyleSchema = z.enum(["class-vote", "hot-seat", "teams", "solo"]);
export type PlayStyle = z.infer<typeof playStyleSchema>;

/**
 * Where a session is, as every view reports it. `deciding`: options shown, nothing open yet
 * (hot seat, teams and solo choose from here); `voting`/`closed`: a class vote; `revealed`:
 * the last choice and its feedback are shown (the last decision of a run too); `ending`: the ending the
 * run reached is shown as its own moment, before the debrief.
 */
export const sessionPhaseSchema = z.enum([
  "lobby",
  "deciding",
  "voting",
  "closed",
  "revealed",
  "ending",
  "debrief",
]);
export type SessionPhase = z.infer<typeof sessionPhaseSchema>;
