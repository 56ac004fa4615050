import { z } from "zod";

/**
 * One line of "how the room would have answered" after a hot-seat reveal: an option, its label, how many
 * observers picked it (never who), and whether it is the answer the seated trainee gave.
 */
export const roomAnswerLineSchema = z.strictObject({
  optionId: z.string(),
  label: z.string(),
  count: z.number().int(),
  chosen: z.boolean(),
});
export type RoomAnswerLine = z.infer<typeof roomAnswerLineSchema>;
