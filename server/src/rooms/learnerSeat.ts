import { LearningRefusal } from "../learning/LearningService";
import type { LearningService } from "../learning/LearningService";
import { joinRefusal } from "./roomCodes";

/**
 * The learner a joining trainee's phone names by its learner key, in a group's session: their id goes into
 * the log's `session.joined` (never the key) and their roster name is their name in the session. Without a
 * key the trainee plays anonymously, as in any session; a key that is not one of this group's learners is
 * refused, so a phone never plays under a record it does not hold.
 */
export function learnerSeat(
  learning: LearningService | undefined,
  sessionId: string,
  learnerKey: string | undefined,
): { learnerId: string; name: string } | undefined {
  if (learnerKey === undefined) return undefined;
  // Without a learning record (PostgreSQL, for now) no session is a group's: a key names no one here.
  const group = learning?.groupOfSession(sessionId);
  try {
    const learner = learning?.learnerByKey(learnerKey);
    if (learner && group !== undefined && learner.groupId === group.id)
      return { learnerId: learner.id, name: learner.displayName };
  } catch (e) {
    if (!(e instanceof LearningRefusal)) throw e;
  }
  throw joinRefusal("join.bad-learner", "This phone's learner key is not one of this group's learners.");
}
