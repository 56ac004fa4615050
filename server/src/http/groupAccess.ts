import type { Request } from "express";
import type { LearningService } from "../learning/LearningService";
import type { GroupRow } from "../store/LearningStore";
import { tokenOf } from "./trainerAccess";

/**
 * The group a request may read and manage (its roster, records, LMS files, LRS and outbox): the one place
 * this rule lives, for the learning routes and the LMS routes alike. The request must carry the group's key
 * (`Authorization: Bearer <group key>`, or `?token=` so a download link works), the key its trainer got
 * when creating the group. Throws a `LearningRefusal`: 401 `group.key-missing`, 404 `group.unknown`,
 * 403 `group.not-yours`.
 */
export function managedGroup(req: Request, groupId: string, learning: LearningService): Promise<GroupRow> {
  return learning.authorize(groupId, tokenOf(req));
}
