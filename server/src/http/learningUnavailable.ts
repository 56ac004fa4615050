import type { Application } from "express";
import { sendError } from "./apiAnswer";

/** The refusal of every group, learner-record and LMS route on a store without the learning record. */
export const learningUnavailable = {
  status: 501,
  code: "learning.unavailable",
  message:
    "Groups, learner records and xAPI are not yet available on PostgreSQL; run Hotseat on its embedded SQLite store for them.",
} as const;

/**
 * The learning record and the xAPI outbox are kept by the embedded stores only (for now): on PostgreSQL the
 * routes that need them answer one clear refusal instead of being missing (a 404 would read as "no such group").
 */
export function mountLearningUnavailable(app: Application): void {
  const refuse = (_req: unknown, res: Parameters<typeof sendError>[0]) =>
    sendError(res, learningUnavailable.status, learningUnavailable.code, learningUnavailable.message);
  app.use("/api/groups", refuse);
  app.use("/api/learning", refuse);
  for (const path of ["roster", "learners", "lms.csv"]) app.all(`/api/sessions/:code/${path}`, refuse);
}
