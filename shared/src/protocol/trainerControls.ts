import { z } from "zod";

/**
 * The trainer's commands a console offers as buttons. `openVote` also stands for the timed vote (and is
 * the class vote's "next"); `next` moves on after a hot-seat reveal; `splitTeams` is asked for the smallest split (two teams); `rewind` and
 * `override` say whether some decision can be rewound and some option chosen for the class.
 */
export const trainerControlIds = [
  "openVote",
  "closeVote",
  "reveal",
  "breakTie",
  "override",
  "pause",
  "resume",
  "passSeat",
  "splitTeams",
  "start",
  "skip",
  "end",
  "lock",
  "unlock",
  "rewind",
  "nextScenario",
  "showEnding",
  "next",
  "skipReveal",
] as const;
/** One console control. */
export type TrainerControlId = (typeof trainerControlIds)[number];

/** For each control, whether the session would accept its command now. */
export const trainerControlsSchema = z.strictObject(
  Object.fromEntries(trainerControlIds.map((id) => [id, z.boolean()])) as Record<
    TrainerControlId,
    z.ZodBoolean
  >,
);
export type TrainerControls = z.infer<typeof trainerControlsSchema>;
