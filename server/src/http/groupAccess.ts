import type { Request } from "express";
import type { SessionHost } from "../sessions/SessionHost";
import { isTrainerRequest } from "./trainerAccess";

/**
 * Whether a request may read and manage a group's learning data (its records as LMS files, its LRS and
 * outbox). The one place this rule lives: for now a trainer as trainerAccess.ts knows one (the trainer
 * password, or the token of a session running here); group-level keys are meant to replace it here.
 */
export function mayManageGroup(
  req: Request,
  _groupId: string,
  deps: { host: SessionHost; trainerPassword?: string | undefined },
): boolean {
  return isTrainerRequest(req, deps);
}
