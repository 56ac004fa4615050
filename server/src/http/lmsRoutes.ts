import type { LearnerRecord } from "@hotseat/shared";
import { lmsCsv, lrsConfigRequestSchema, lrsStatusSchema } from "@hotseat/shared";
import type { Application, Request, Response } from "express";
import { z } from "zod";
import { normalizeJoinCode } from "../joinCode";
import type { SessionHost } from "../sessions/SessionHost";
import { trainerTokenMatches } from "../sessions/trainerToken";
import type { SessionStore } from "../store/SessionStore";
import type { LrsSender } from "../xapi/lrsSender";
import { sendBody, sendError } from "./apiAnswer";
import { mayManageGroup } from "./groupAccess";
import { jsonBody } from "./jsonBody";
import { tokenOf } from "./trainerAccess";

/** The records an LMS file is made of, with the names it files them under. */
export type LmsRecords = { groupName: string; trainerName: string; records: LearnerRecord[] };

/** Where the LMS routes read learners' records from (the learning record built from the logs). */
export type LmsRecordSource = {
  /** The records of a session's learners; undefined when the session was not played by a group. */
  session(sessionId: string): LmsRecords | undefined;
  /** Every record of a group; undefined when there is no such group. */
  group(groupId: string): LmsRecords | undefined;
};

export type LmsDeps = {
  host: SessionHost;
  store: SessionStore;
  sender: LrsSender;
  now: () => number;
  trainerPassword?: string;
  /** Without it the CSV routes are not mounted: there is nothing to export yet. */
  records?: LmsRecordSource;
};

const groupIdSchema = z.string().min(1).max(200);

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

function sendCsv(res: Response, name: string, csv: string): void {
  res.type("text/csv; charset=utf-8").attachment(name).send(csv);
}

/**
 * The LMS routes: the CSV LMS admins import (per session, per group) and each group's LRS for xAPI with
 * the state of its outbox. Trainer-only: a session's file needs its trainer token, a group's anything
 * needs {@link mayManageGroup}. The LRS secret is written here and never answered back.
 */
export function mountLmsApi(app: Application, deps: LmsDeps): void {
  const json = jsonBody();
  const guardGroup = (req: Request<{ groupId: string }>, res: Response): string | undefined => {
    const parsed = groupIdSchema.safeParse(req.params.groupId);
    if (!parsed.success) {
      sendError(res, 400, "message.malformed", "A group id is 1 to 200 characters.");
      return undefined;
    }
    if (!mayManageGroup(req, parsed.data, deps)) {
      sendError(res, 403, "role.forbidden", "Only the group's trainer may do this.");
      return undefined;
    }
    return parsed.data;
  };
  const badTimeZone = (res: Response) =>
    sendError(res, 400, "message.malformed", "`tz` must be an IANA time zone, e.g. Europe/Warsaw.");

  const source = deps.records;
  if (source) {
    app.get("/api/sessions/:code/lms.csv", (req, res) => {
      const code = normalizeJoinCode(req.params.code);
      const record = deps.store.findByCode(code);
      if (!record) return sendError(res, 404, "join.bad-code", `No session has the code ${code}.`);
      if (!trainerTokenMatches(tokenOf(req), record.trainerTokenHash))
        return sendError(res, 401, "join.bad-token", "The LMS file needs this session's trainer token.");
      const timeZone = timeZoneOf(req);
      if (timeZone === false) return badTimeZone(res);
      const found = source.session(record.id);
      if (!found) return sendError(res, 404, "group.unknown", "This session was not played by a group.");
      sendCsv(
        res,
        `hotseat-lms-${code}.csv`,
        lmsCsv({ ...found, sessionId: record.id, ...(timeZone ? { timeZone } : {}) }),
      );
    });
    app.get("/api/groups/:groupId/lms.csv", (req, res) => {
      const groupId = guardGroup(req, res);
      if (groupId === undefined) return;
      const timeZone = timeZoneOf(req);
      if (timeZone === false) return badTimeZone(res);
      const found = source.group(groupId);
      if (!found) return sendError(res, 404, "group.unknown", "There is no such group.");
      const fileName = `hotseat-lms-${groupId.replace(/[^A-Za-z0-9_-]/g, "_")}.csv`;
      sendCsv(res, fileName, lmsCsv({ ...found, ...(timeZone ? { timeZone } : {}) }));
    });
  }

  const status = (res: Response, groupId: string) => {
    const xapi = deps.store.xapi;
    const lrs = xapi.lrs(groupId);
    const health = deps.sender.healthOf(groupId);
    sendBody(res, lrsStatusSchema, {
      ...(lrs ? { lrs: { endpoint: lrs.endpoint, key: lrs.key } } : {}),
      queued: xapi.entries(groupId, "queued").length,
      sent: xapi.entries(groupId, "sent").length,
      rejected: xapi.entries(groupId, "rejected").map((e) => ({
        statementId: e.statementId,
        reason: e.reason ?? "",
        at: e.doneAt ?? e.queuedAt,
      })),
      ...(health.lastError !== undefined ? { lastError: health.lastError } : {}),
    });
  };

  app.get("/api/groups/:groupId/lrs", (req, res) => {
    const groupId = guardGroup(req, res);
    if (groupId !== undefined) status(res, groupId);
  });
  app.put("/api/groups/:groupId/lrs", ...json, (req: Request<{ groupId: string }>, res: Response) => {
    const groupId = guardGroup(req, res);
    if (groupId === undefined) return;
    const body = lrsConfigRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, "message.malformed", z.prettifyError(body.error));
    deps.store.xapi.setLrs(groupId, body.data, deps.now());
    // Whatever waited for this LRS goes now.
    deps.sender.retryNow(groupId);
    status(res, groupId);
  });
  app.delete("/api/groups/:groupId/lrs", (req, res) => {
    const groupId = guardGroup(req, res);
    if (groupId === undefined) return;
    deps.store.xapi.setLrs(groupId, undefined, deps.now());
    status(res, groupId);
  });
}
