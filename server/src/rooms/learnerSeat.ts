import { LearningRefusal } from "../learning/LearningService";
import type { LearningService } from "../learning/LearningService";
import { joinRefusal } from "./roomCodes";

/**
 * The learner a joining trainee's phone names by its learner key, in a group's session: their id goes into
 * the log's `session.joined` (never the key) and their roster name is their name in the session. Without a
 * key the trainee plays anonymously, as in any session; a key that is not one of this group's learners is
 * refused, so a phone never plays under a record it does not hold.
 */
export async function learnerSeat(
  learning: LearningService,
  sessionId: string,
  learnerKey: string | undefined,
): Promise<{ learnerId: string; name: string } | undefined> {
  if (learnerKey === undefined) return undefined;
  const group = await learning.groupOfSession(sessionId);
  try {
    const learner = await learning.learnerByKey(learnerKey);
    if (group !== undefined && learner.groupId === group.id)
      return { learnerId: learner.id, name: learner.displayName };
  } catch (e) {
    if (!(e instanceof LearningRefusal)) throw e;
  }
  throw joinRefusal("join.bad-learner", "This phone's learner key is not one of this group's learners.");
}
