import { lmsCsv, lrsConfigRequestSchema, lrsStatusSchema } from "@hotseat/shared";
import type { Application, Request, Response } from "express";
import { z } from "zod";
import { normalizeJoinCode } from "../joinCode";
import { LearningRefusal } from "../learning/LearningService";
import type { LearningService } from "../learning/LearningService";
import { trainerTokenMatches } from "../sessions/trainerToken";
import type { GroupRow } from "../store/LearningStore";
import type { AsyncSessionStore, AsyncXapiOutboxStore } from "../store/AsyncSessionStore";
import type { LrsSender } from "../xapi/lrsSender";
import { sendBody, sendError } from "./apiAnswer";
import { managedGroup } from "./groupAccess";
import { jsonBody } from "./jsonBody";
import { tokenOf } from "./trainerAccess";

export type LmsDeps = {
  store: AsyncSessionStore;
  learning: LearningService;
  xapi: AsyncXapiOutboxStore;
  sender: LrsSender;
  now: () => number;
  /** Told when a group's LRS is set: its record so far is recorded for it. */
  onLrsSet?: (groupId: string) => void;
};

function timeZoneOf(req: Request): string | undefined | false {
  const tz = req.query.tz;
  if (tz === undefined) return undefined;
  if (typeof tz !== "string") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz;
  } catch {
    return false;
  }
}

/** `?tz=` and `?trainer=` (the name for the Trainer column; a group keeps no trainer's name); false on a bad zone. */
function csvOptionsOf(req: Request): { trainerName: string; timeZone?: string } | false {
  const timeZone = timeZoneOf(req);
  if (timeZone === false) return false;
  const trainer = typeof req.query.trainer === "string" ? req.query.trainer.trim().slice(0, 200) : "";
  return { trainerName: trainer, ...(timeZone ? { timeZone } : {}) };
}

function sendCsv(res: Response, name: string, csv: string): void {
  res.type("text/csv; charset=utf-8").attachment(name).send(csv);
}

/**
 * The LMS routes: the CSV LMS admins import (per session, per group) and each group's LRS for xAPI with
 * the state of its outbox. Trainer-only: a session's file needs its trainer token, anything of a group
 * needs the group's key ({@link managedGroup}). The LRS secret is written here and never answered back.
 * The records are the learning record's, rebuilt from the logs (`LearningService`).
 */
export function mountLmsApi(app: Application, deps: LmsDeps): void {
  const json = jsonBody();
  const guardGroup = async (
    req: Request<{ groupId: string }>,
    res: Response,
  ): Promise<GroupRow | undefined> => {
    try {
      return await managedGroup(req, req.params.groupId, deps.learning);
    } catch (e) {
      if (!(e instanceof LearningRefusal)) throw e;
      sendError(res, e.status, e.code, e.message);
      return undefined;
    }
  };
  const badTimeZone = (res: Response) =>
    sendError(res, 400, "message.malformed", "`tz` must be an IANA time zone, e.g. Europe/Warsaw.");

  app.get("/api/sessions/:code/lms.csv", async (req, res) => {
    const code = normalizeJoinCode(req.params.code);
    const record = await deps.store.findByCode(code);
    if (!record) return sendError(res, 404, "join.bad-code", `No session has the code ${code}.`);
    if (!trainerTokenMatches(tokenOf(req), record.trainerTokenHash))
      return sendError(res, 401, "join.bad-token", "The LMS file needs this session's trainer token.");
    const options = csvOptionsOf(req);
    if (!options) return badTimeZone(res);
    const found = await deps.learning.sessionRecords(record.id);
    if (!found) return sendError(res, 404, "session.no-group", "This session was not played by a group.");
    sendCsv(
      res,
      `hotseat-lms-${code}.csv`,
      lmsCsv({ records: found.records, groupName: found.group.name, sessionId: record.id, ...options }),
    );
  });
  app.get("/api/groups/:groupId/lms.csv", async (req, res) => {
    const group = await guardGroup(req, res);
    if (group === undefined) return;
    const options = csvOptionsOf(req);
    if (!options) return badTimeZone(res);
    // `?session=<session id>`: one of the group's sessions, for a trainer's page that holds the group key.
    const only = typeof req.query.session === "string" ? req.query.session : undefined;
    if (only !== undefined && (await deps.learning.groupOfSession(only))?.id !== group.id)
      return sendError(res, 404, "session.no-group", "This group has no such session.");
    // Deleted learners' runs are not in it: the LMS gets people's rows, and they are no one's now.
    const { records } = await deps.learning.groupRecords(group);
    const fileName = `hotseat-lms-${group.name.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 60) || "group"}.csv`;
    sendCsv(
      res,
      fileName,
      lmsCsv({
        records,
        groupName: group.name,
        ...(only !== undefined ? { sessionId: only } : {}),
        ...options,
      }),
    );
  });

  const status = async (res: Response, groupId: string) => {
    const xapi = deps.xapi;
    const lrs = await xapi.lrs(groupId);
    const health = deps.sender.healthOf(groupId);
    const [queued, sent, rejected] = await Promise.all(
      (["queued", "sent", "rejected"] as const).map((s) => xapi.entries(groupId, s)),
    );
    sendBody(res, lrsStatusSchema, {
      ...(lrs ? { lrs: { endpoint: lrs.endpoint, key: lrs.key } } : {}),
      queued: queued!.length,
      sent: sent!.length,
      rejected: rejected!.map((e) => ({
        statementId: e.statementId,
        reason: e.reason ?? "",
        at: e.doneAt ?? e.queuedAt,
      })),
      ...(health.lastError !== undefined ? { lastError: health.lastError } : {}),
    });
  };

  app.get("/api/groups/:groupId/lrs", async (req, res) => {
    const group = await guardGroup(req, res);
    if (group !== undefined) await status(res, group.id);
  });
  app.put("/api/groups/:groupId/lrs", ...json, async (req: Request<{ groupId: string }>, res: Response) => {
    const group = await guardGroup(req, res);
    if (group === undefined) return;
    const groupId = group.id;
    const body = lrsConfigRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, "message.malformed", z.prettifyError(body.error));
    await deps.xapi.setLrs(groupId, body.data, deps.now());
    // Whatever waited for this LRS goes now, and the group's record so far follows.
    deps.sender.retryNow(groupId);
    deps.onLrsSet?.(groupId);
    await status(res, groupId);
  });
  // The trainer's "send now": the queue stops waiting out its backoff (after the LRS came back).
  app.post("/api/groups/:groupId/lrs/retry", async (req, res) => {
    const group = await guardGroup(req, res);
    if (group === undefined) return;
    deps.sender.retryNow(group.id);
    await status(res, group.id);
  });
  app.delete("/api/groups/:groupId/lrs", async (req, res) => {
    const group = await guardGroup(req, res);
    if (group === undefined) return;
    await deps.xapi.setLrs(group.id, undefined, deps.now());
    await status(res, group.id);
  });
}
