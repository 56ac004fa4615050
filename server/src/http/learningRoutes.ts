import type { Application, Request, Response } from "express";
import {
  addLearnersRequestSchema,
  claimLearnerRequestSchema,
  createGroupRequestSchema,
  createGroupResponseSchema,
  deletedResponseSchema,
  groupDetailSchema,
  groupListResponseSchema,
  groupRecordsAnswerSchema,
  learnerKeyResponseSchema,
  learnerRecordSchema,
  myRecordAnswerSchema,
  myRecordQuerySchema,
  renewLearnerRequestSchema,
  renewLinkResponseSchema,
  sessionRosterSchema,
  updateGroupRequestSchema,
  updateLearnerRequestSchema,
} from "@hotseat/shared";
import { z } from "zod";
import { normalizeJoinCode } from "../joinCode";
import { LearningRefusal } from "../learning/LearningService";
import type { LearningService } from "../learning/LearningService";
import { HostError } from "../sessions/SessionHost";
import type { SessionHost } from "../sessions/SessionHost";
import { conflictRejection } from "../sessions/SessionRuntime";
import { SessionOwnedElsewhereError } from "../store/SessionLeases";
import { sendBody, sendError } from "./apiAnswer";
import type { HttpThrottles } from "./httpLimits";
import { managedGroup } from "./groupAccess";
import { jsonBody } from "./jsonBody";
import { listCredentials } from "./listCredentials";
import { samePassword, tokenOf } from "./trainerAccess";

/** What the learning routes need from the server. */
export type LearningRouteDeps = {
  learning: LearningService;
  host: SessionHost;
  trainerPassword?: string | undefined;
  throttles?: HttpThrottles | undefined;
  /** The address trainees open (for renew links). */
  baseUrl: (req: Request) => string;
  /** Who brings a session back (in a cluster, the cluster's come-back); `host` when absent. */
  comeBack?: (() => Pick<SessionHost, "comeBack"> | undefined) | undefined;
};

type Handler = (req: Request, res: Response) => void | Promise<void>;

/** Runs a handler; a `LearningRefusal` becomes its refusal, anything else goes on to the API's error handler. */
function refusing(handle: Handler): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handle(req, res);
    } catch (e) {
      if (e instanceof LearningRefusal) return sendError(res, e.status, e.code, e.message);
      throw e;
    }
  };
}

function parsed<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new LearningRefusal(400, "message.malformed", z.prettifyError(result.error));
  return result.data;
}

const param = (req: Request, name: string) => String(req.params[name] ?? "");

/**
 * The learning record's HTTP API: groups and rosters for the trainer holding the group's key, the roster
 * picker and learner keys for trainees' phones, a learner's own record, export and deletion (issue 11).
 */
export function mountLearningApi(app: Application, deps: LearningRouteDeps): void {
  const json = jsonBody();
  const { learning } = deps;
  const throttles = deps.throttles;
  if (throttles) {
    // Every route here tries a key or a code: counted like every other guess.
    for (const path of ["/api/groups", "/api/learning"])
      app.use(path, (req, res, next) => (throttles.guardGuess(req, res, "api") ? undefined : next()));
  }
  const group = (req: Request) => managedGroup(req, param(req, "groupId"), learning);

  app.post(
    "/api/groups",
    ...json,
    refusing(async (req, res) => {
      const body = parsed(createGroupRequestSchema, req.body);
      if (deps.trainerPassword !== undefined) {
        const given = req.get("x-hotseat-password") ?? body.password;
        if (!samePassword(given, deps.trainerPassword))
          throw new LearningRefusal(401, "host.password", "Creating a group needs the trainer password.");
      }
      sendBody(res, createGroupResponseSchema, await learning.createGroup(body), 201);
    }),
  );
  app.get(
    "/api/groups",
    refusing(async (req, res) => {
      const credentials = listCredentials(req.get("authorization"));
      if (credentials.kind === "refused")
        throw new LearningRefusal(
          401,
          "group.key-missing",
          "Listing groups needs their keys (Authorization: Bearer <key>,<key>).",
        );
      const keys = (req.get("authorization") ?? "")
        .slice("Bearer ".length)
        .split(",")
        .map((k) => k.trim());
      sendBody(res, groupListResponseSchema, {
        groups: await learning.groupsForKeys(keys.filter((k) => k !== "")),
      });
    }),
  );
  app.get(
    "/api/groups/:groupId",
    refusing(async (req, res) => sendBody(res, groupDetailSchema, await learning.detail(await group(req)))),
  );
  app.patch(
    "/api/groups/:groupId",
    ...json,
    refusing(async (req, res) => {
      const g = await group(req);
      const patch = parsed(updateGroupRequestSchema, req.body);
      sendBody(res, groupDetailSchema, await learning.updateGroup(g, patch));
    }),
  );
  app.delete(
    "/api/groups/:groupId",
    refusing(async (req, res) => {
      const g = await group(req);
      await learning.deleteGroup(g);
      sendBody(res, deletedResponseSchema, { deleted: g.id });
    }),
  );
  app.post(
    "/api/groups/:groupId/learners",
    ...json,
    refusing(async (req, res) => {
      const g = await group(req);
      const body = parsed(addLearnersRequestSchema, req.body);
      sendBody(res, groupDetailSchema, await learning.addLearners(g, body.learners), 201);
    }),
  );
  app.patch(
    "/api/groups/:groupId/learners/:learnerId",
    ...json,
    refusing(async (req, res) => {
      const g = await group(req);
      const body = parsed(updateLearnerRequestSchema, req.body);
      sendBody(res, groupDetailSchema, await learning.updateLearner(g, param(req, "learnerId"), body));
    }),
  );
  app.delete(
    "/api/groups/:groupId/learners/:learnerId",
    refusing(async (req, res) => {
      const g = await group(req);
      await learning.deleteLearner(g, param(req, "learnerId"));
      sendBody(res, deletedResponseSchema, { deleted: param(req, "learnerId") });
    }),
  );
  app.get(
    "/api/groups/:groupId/learners/:learnerId/export",
    refusing(async (req, res) => {
      const learner = await learning.learnerOf(await group(req), param(req, "learnerId"));
      const record = await learning.recordOf(learner);
      res.attachment(`hotseat-learner-${learner.id}.json`);
      sendBody(res, learnerRecordSchema, record);
    }),
  );
  app.post(
    "/api/groups/:groupId/learners/:learnerId/renew",
    refusing(async (req, res) => {
      const { token, expiresAt } = await learning.renewToken(await group(req), param(req, "learnerId"));
      const renewUrl = `${deps.baseUrl(req)}/#renew=${token}`;
      sendBody(res, renewLinkResponseSchema, { renewUrl, expiresAt }, 201);
    }),
  );
  app.get(
    "/api/groups/:groupId/records",
    refusing(async (req, res) =>
      sendBody(res, groupRecordsAnswerSchema, await learning.groupRecords(await group(req))),
    ),
  );

  // A trainee's phone: the roster of a group session (names only), claiming a name, renewing, its record.
  const sessionGroup = async (req: Request) => {
    const code = normalizeJoinCode(param(req, "code"));
    // Sessions come back lazily: a phone asking for the roster is someone coming back to the session. In a
    // cluster it may run on another process; the roster and the claims live in the shared database.
    let running: boolean;
    try {
      running = await (deps.comeBack?.() ?? deps.host).comeBack(code);
    } catch (e) {
      if (!(e instanceof SessionOwnedElsewhereError)) throw e;
      throw new LearningRefusal(409, conflictRejection.code, conflictRejection.message);
    }
    const record = running ? await deps.host.queries.liveRecord(code) : undefined;
    if (!record)
      throw new LearningRefusal(
        404,
        "join.bad-code",
        "No session has this code. Check the code on the wall.",
      );
    const g = await learning.groupOfSession(record.id);
    if (!g)
      throw new LearningRefusal(
        404,
        "session.no-group",
        "This session is not a group's: join without a roster.",
      );
    return g;
  };
  app.get(
    "/api/sessions/:code/roster",
    refusing(async (req, res) =>
      sendBody(res, sessionRosterSchema, await learning.sessionRoster(await sessionGroup(req))),
    ),
  );
  app.post(
    "/api/sessions/:code/learners",
    ...json,
    refusing(async (req, res) => {
      const g = await sessionGroup(req);
      sendBody(
        res,
        learnerKeyResponseSchema,
        await learning.claim(g, parsed(claimLearnerRequestSchema, req.body)),
        201,
      );
    }),
  );
  app.post(
    "/api/learning/renew",
    ...json,
    refusing(async (req, res) => {
      const body = parsed(renewLearnerRequestSchema, req.body);
      sendBody(res, learnerKeyResponseSchema, await learning.redeemRenewal(body.token));
    }),
  );
  app.get(
    "/api/learning/me",
    refusing(async (req, res) => {
      const learner = await learning.learnerByKey(tokenOf(req));
      const { locale } = parsed(myRecordQuerySchema, req.query);
      sendBody(res, myRecordAnswerSchema, await learning.recordOf(learner, locale));
    }),
  );
}

/** The group a session is hosted for, checked against the group's key (a refusal becomes a `HostError`). */
export async function groupToHostFor(
  host: SessionHost,
  body: { groupId?: string | undefined; groupKey?: string | undefined },
) {
  if (body.groupId === undefined) return undefined;
  try {
    return await host.learning.authorize(body.groupId, body.groupKey);
  } catch (e) {
    if (e instanceof LearningRefusal) throw new HostError(e.status, e.code, e.message);
    throw e;
  }
}
