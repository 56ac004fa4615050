import { z } from "zod";
import { maxNameLength } from "./joinOptions";
import { playStyleSchema } from "./playStyle";

const optionId = z.string().min(1).max(64);
const traineeId = z.string().min(1).max(64);
/** The step the sender saw; a message about an older step is refused as stale instead of hitting the next one. */
const stepIndex = z.number().int().min(0).max(10_000).optional();

/** A trainee's vote in an open class vote; sending again with another option changes it. */
export const traineeVoteSchema = z.strictObject({ type: z.literal("trainee.vote"), optionId, stepIndex });
/** A hot-seat observer's secret mark: what they would have said, kept for the debrief. */
export const traineeMarkSchema = z.strictObject({ type: z.literal("trainee.mark"), optionId, stepIndex });
/** The choice of whoever plays directly: the hot-seat holder, a team captain, a solo player. */
export const traineeChooseSchema = z.strictObject({ type: z.literal("trainee.choose"), optionId, stepIndex });
/** A trainee picking a team in the lobby. */
export const traineePickTeamSchema = z.strictObject({
  type: z.literal("trainee.pickTeam"),
  teamId: z.string().min(1).max(64),
});

/** Choose a scenario from the library by id, or upload one as YAML/JSON text (it is checked first). */
export const trainerSelectScenarioSchema = z
  .strictObject({
    type: z.literal("trainer.selectScenario"),
    scenarioId: z.string().min(1).max(64).optional(),
    source: z.string().min(1).max(200_000).optional(),
  })
  .refine(
    (m) => (m.scenarioId === undefined) !== (m.source === undefined),
    "give either scenarioId or source, not both",
  );
/** Choose how the class plays. */
export const trainerSetStyleSchema = z.strictObject({
  type: z.literal("trainer.setStyle"),
  style: playStyleSchema,
});
/** Start the selected scenario. */
export const trainerStartSchema = z.strictObject({ type: z.literal("trainer.start") });
/** Open the class vote, optionally with a countdown. */
export const trainerOpenVoteSchema = z.strictObject({
  type: z.literal("trainer.openVote"),
  seconds: z.number().int().min(3).max(3600).optional(),
});
/** Close the class vote; the tally stays hidden from nobody but the result is not applied yet. */
export const trainerCloseVoteSchema = z.strictObject({ type: z.literal("trainer.closeVote") });
/** Play the majority option and show its feedback (closes an open vote first). */
export const trainerRevealSchema = z.strictObject({ type: z.literal("trainer.reveal") });
/** Settle a tied vote: the trainer names one of the tied options, or asks for a seeded draw. */
export const trainerBreakTieSchema = z
  .strictObject({
    type: z.literal("trainer.breakTie"),
    optionId: optionId.optional(),
    draw: z.literal(true).optional(),
  })
  .refine((m) => (m.optionId === undefined) !== (m.draw === undefined), "give either optionId or draw: true");
/** Play an option regardless of the vote. */
export const trainerOverrideSchema = z.strictObject({ type: z.literal("trainer.override"), optionId });
/** Freeze the session (votes and choices are refused, a vote timer stops). */
export const trainerPauseSchema = z.strictObject({ type: z.literal("trainer.pause") });
/** Unfreeze the session; a vote timer continues with the time it had left. */
export const trainerResumeSchema = z.strictObject({ type: z.literal("trainer.resume") });
/** Go back to just before decision `stepIndex` (0 = the start); the abandoned branch is kept for the debrief. */
export const trainerRewindSchema = z.strictObject({
  type: z.literal("trainer.rewind"),
  stepIndex: z.number().int().min(0).max(10_000),
  teamId: z.string().min(1).max(64).optional(),
});
/** Leave the current scenario without a debrief and go back to the lobby with the next scenario. */
export const trainerSkipSchema = z.strictObject({ type: z.literal("trainer.skip") });
/** Once every run has reached its ending (and its last decision was revealed), show the ending as its own moment. */
export const trainerShowEndingSchema = z.strictObject({ type: z.literal("trainer.showEnding") });
/** End the scenario now and show the debrief. */
export const trainerEndSchema = z.strictObject({ type: z.literal("trainer.end") });
/** From the debrief, go back to the lobby with the next scenario of the library selected. */
export const trainerNextScenarioSchema = z.strictObject({ type: z.literal("trainer.nextScenario") });
/** Stop new trainees from joining (those already in may reconnect). */
export const trainerLockSchema = z.strictObject({ type: z.literal("trainer.lock") });
/** Let new trainees join again. */
export const trainerUnlockSchema = z.strictObject({ type: z.literal("trainer.unlock") });
/** Remove a trainee: their vote is dropped and they cannot rejoin until readmitted. */
export const trainerRemoveSchema = z.strictObject({ type: z.literal("trainer.remove"), traineeId });
/** Let a removed trainee back in. */
export const trainerReadmitSchema = z.strictObject({ type: z.literal("trainer.readmit"), traineeId });
/** Rename a trainee (trimmed, cut to 24 characters, made unique). */
export const trainerRenameSchema = z.strictObject({
  type: z.literal("trainer.rename"),
  traineeId,
  name: z
    .string()
    .min(1)
    .max(maxNameLength * 4),
});
/** Give the hot seat to a trainee, or to the next one in join order when no id is given. */
export const trainerPassSeatSchema = z.strictObject({
  type: z.literal("trainer.passSeat"),
  traineeId: traineeId.optional(),
});
/** Split the class round-robin into `count` teams. */
export const trainerSplitTeamsSchema = z.strictObject({
  type: z.literal("trainer.splitTeams"),
  count: z.number().int().min(2).max(12),
});
/** At the debrief, show page `page` (0 = the first) on the wall; the client clamps it to the pages it has. */
export const trainerDebriefPageSchema = z.strictObject({
  type: z.literal("trainer.debriefPage"),
  page: z.number().int().min(0).max(99),
});

/** In the hot seat, after a reveal: show the next decision (the room discusses the feedback first). */
export const trainerNextSchema = z.strictObject({ type: z.literal("trainer.next") });
/** Show or hide the names of trainees arriving on the wall's lobby. */
export const trainerShowNamesSchema = z.strictObject({
  type: z.literal("trainer.showNames"),
  show: z.boolean(),
});

/** Finish the wall's reveal animation at once; presentation only, the story does not change. */
export const trainerSkipRevealSchema = z.strictObject({ type: z.literal("trainer.skipReveal") });
/** Turn the wall's sound cues on or off (the projector is the room's speaker). */
export const trainerSetSoundSchema = z.strictObject({ type: z.literal("trainer.setSound"), on: z.boolean() });

/** Every message a client may send to a session room, discriminated on `type`. */
export const clientMessageSchema = z.discriminatedUnion("type", [
  traineeVoteSchema,
  traineeMarkSchema,
  traineeChooseSchema,
  traineePickTeamSchema,
  trainerSelectScenarioSchema,
  trainerSetStyleSchema,
  trainerStartSchema,
  trainerOpenVoteSchema,
  trainerCloseVoteSchema,
  trainerRevealSchema,
  trainerBreakTieSchema,
  trainerOverrideSchema,
  trainerPauseSchema,
  trainerResumeSchema,
  trainerRewindSchema,
  trainerSkipSchema,
  trainerEndSchema,
  trainerNextScenarioSchema,
  trainerLockSchema,
  trainerUnlockSchema,
  trainerRemoveSchema,
  trainerReadmitSchema,
  trainerRenameSchema,
  trainerPassSeatSchema,
  trainerSplitTeamsSchema,
  trainerShowEndingSchema,
  trainerNextSchema,
  trainerShowNamesSchema,
  trainerDebriefPageSchema,
  trainerSkipRevealSchema,
  trainerSetSoundSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
/** The `type` of every client message. */
export type ClientMessageType = ClientMessage["type"];

/** Every client message type, e.g. for registering one room handler per type. */
export const clientMessageTypes = clientMessageSchema.options.map(
  (o) => o.shape.type.value,
) as readonly ClientMessageType[];
