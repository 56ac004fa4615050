import type { SessionPhase } from "../protocol/playStyle";
import type { RoomAnswerLine } from "../protocol/roomAnswers";
import type { Translate } from "./projectionParts";
import { mainRunKey } from "./sessionState";
import type { SessionContext } from "./sessionState";

/**
 * After a hot-seat reveal, how the observers would have answered the decision just played: the seated
 * trainee's answer first, then the options the observers picked, most picked first. Undefined outside a
 * hot-seat reveal or when no observer answered.
 */
export function roomAnswers(
  ctx: SessionContext,
  phase: SessionPhase,
  t: Translate,
): RoomAnswerLine[] | undefined {
  if (ctx.style !== "hot-seat" || phase !== "revealed") return undefined;
  const decision = ctx.runs[mainRunKey]?.decisions.at(-1);
  const marks = Object.values(decision?.marks ?? {});
  if (decision === undefined || marks.length === 0) return undefined;
  const count = (id: string) => marks.filter((m) => m === id).length;
  const ids = [...new Set([decision.optionId, ...marks])];
  return ids
    .map((optionId) => {
      const label = optionId === decision.optionId ? decision.label : decision.markedLabels?.[optionId];
      return {
        optionId,
        label: t(label ?? optionId),
        count: count(optionId),
        chosen: optionId === decision.optionId,
      };
    })
    .sort((a, b) => Number(b.chosen) - Number(a.chosen) || b.count - a.count);
}
