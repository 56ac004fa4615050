import type { Application, Request, Response } from "express";
import {
  checkRequestSchema,
  checkResponseSchema,
  hostRequestSchema,
  hostResponseSchema,
  practiceRequestSchema,
  practiceResponseSchema,
  scenarioDetailResponseSchema,
  scenarioListResponseSchema,
  sessionListResponseSchema,
  sessionReportSchema,
  sessionStatusSchema,
} from "@hotseat/shared";
import { z } from "zod";
import { CheckRefused, checkScenarioOffThread } from "../checking/checkScenarioOffThread";
import { normalizeJoinCode } from "../joinCode";
import type { ScenarioLibrary } from "../scenarioLibrary";
import { summarize } from "../scenarioLibrary";
import type { SessionHost } from "../sessions/SessionHost";
import { hostPractice } from "../sessions/hostPractice";
import { trainerTokenMatches } from "../sessions/trainerToken";
import { sendBody, sendError } from "./apiAnswer";
import type { HostingLimits } from "./hostingLimits";
import { hostingRoute } from "./hostingRoute";
import type { HttpThrottles } from "./httpLimits";
import { apiErrorHandler, jsonBody } from "./jsonBody";
import { comeBackOrRefuse } from "./comeBack";
import { listCredentials } from "./listCredentials";
import { groupToHostFor, mountLearningApi } from "./learningRoutes";
import { isTrainerRequest, samePassword, tokenOf } from "./trainerAccess";

// The request and response bodies are the zod schemas of shared/src/protocol/httpApi.ts.
export { checkRequestSchema, hostRequestSchema };

/** What the API routes need from the rest of the server. */
export type ApiDeps = {
  library: ScenarioLibrary;
  host: SessionHost;
  /** When set, hosting a session needs this password (`HOTSEAT_TRAINER_PASSWORD`). */
  trainerPassword?: string;
  /** The address trainees open, e.g. `https://hotseat.example.org`; else taken from the request. */
  publicUrl?: string;
  /** Per-address throttles: hosting, and every route that tries a code, a password or a token. */
  throttles?: HttpThrottles;
  /** Bounds on live sessions per address and in total. */
  hostingLimits?: HostingLimits;
  /**
   * Who brings a session back when someone asks for it: `host` alone, or in a cluster the cluster's
   * come-back (set once the matchmaker runs), which leaves a session running on a live process to it.
   */
  comeBack?: () => Pick<SessionHost, "comeBack"> | undefined;
};

function baseUrl(req: Request, publicUrl: string | undefined): string {
  return (publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`).replace(/\/+$/, "");
}

/**
 * The JSON API: the scenario library, hosting a session, the session list and the session reports.
 * Every body, asked and answered, is checked with its zod schema of shared/src/protocol/httpApi.ts; every
 * refusal is `{ error: { code, message, params? } }` with a fitting status.
 */
export function mountApi(app: Application, deps: ApiDeps): void {
  const json = jsonBody();
  app.disable("x-powered-by");
  const throttles = deps.throttles;
  if (throttles) {
    app.post("/api/sessions", (req, res, next) => (throttles.guardHosting(req, res) ? undefined : next()));
    app.post("/api/practice", (req, res, next) => (throttles.guardHosting(req, res) ? undefined : next()));
    // Naming a session and a token is trying a token: counted like every other guess.
    app.get("/api/scenarios/:id", (req, res, next) =>
      req.query.session !== undefined && throttles.guardGuess(req, res, "api") ? undefined : next(),
    );
    app.use("/api/sessions", (req, res, next) =>
      throttles.guardGuess(req, res, "api") ? undefined : next(),
    );
  }

  app.get("/api/scenarios", (_req, res) => {
    sendBody(res, scenarioListResponseSchema, { scenarios: deps.library.list() });
  });

  app.get("/api/scenarios/:id", (req, res) => {
    const entry = deps.library.get(req.params.id);
    if (!entry)
      return sendError(res, 404, "scenario.unknown", `There is no scenario "${req.params.id}".`, {
        id: req.params.id.slice(0, 64),
      });
    // Every option's effects are in the scenario: a trainee who could read them would know the best answer.
    const full = isTrainerRequest(req, deps)
      ? { scenario: entry.scenario, diagnostics: entry.diagnostics }
      : {};
    sendBody(res, scenarioDetailResponseSchema, { ...summarize(entry), ...full });
  });

  app.post("/api/scenarios/check", ...json, async (req, res) => {
    const body = checkRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, "message.malformed", z.prettifyError(body.error));
    // Off the event loop and time-limited: anybody may send a text, and live sessions must not wait for it.
    try {
      const checked = await checkScenarioOffThread(body.data.source, body.data.file ?? "upload.yaml");
      sendBody(res, checkResponseSchema, checked);
    } catch (e) {
      if (!(e instanceof CheckRefused)) throw e;
      if (e.reason === "busy") res.set("retry-after", "2");
      sendError(res, e.reason === "busy" ? 503 : 422, `check.${e.reason}`, e.message);
    }
  });

  app.post(
    "/api/sessions",
    ...json,
    hostingRoute(deps, hostRequestSchema, hostResponseSchema, async (body, req) => {
      const group = await groupToHostFor(deps.host, body);
      const hosted = await deps.host.host({ scenarioId: body.scenarioId });
      if (group) await deps.host.learning.attachSession(hosted.sessionId, group);
      return { ...hosted, joinUrl: `${baseUrl(req, deps.publicUrl)}/join/${hosted.code}` };
    }),
  );
  app.post(
    "/api/practice",
    ...json,
    hostingRoute(deps, practiceRequestSchema, practiceResponseSchema, (body) =>
      hostPractice(deps.host, body),
    ),
  );

  // All sessions for the trainer password; otherwise only the sessions whose trainer tokens are presented.
  app.get("/api/sessions", async (req, res) => {
    const password = req.get("x-hotseat-password");
    if (password !== undefined && deps.trainerPassword !== undefined) {
      if (!samePassword(password, deps.trainerPassword))
        return sendError(res, 401, "host.password", "That is not the trainer password.");
      return sendBody(res, sessionListResponseSchema, { sessions: await deps.host.queries.list() });
    }
    const credentials = listCredentials(req.get("authorization"));
    if (credentials.kind === "refused") return sendError(res, 401, credentials.code, credentials.message);
    const sessions = await deps.host.queries.list((record) =>
      credentials.hashes.has(record.trainerTokenHash),
    );
    sendBody(res, sessionListResponseSchema, { sessions });
  });

  app.get("/api/sessions/:code", async (req, res) => {
    const code = normalizeJoinCode(req.params.code);
    // Someone is coming back to this session: bring it back from its log if it is not running here yet.
    const running = await comeBackOrRefuse(deps.comeBack?.() ?? deps.host, code, res);
    if (running === undefined) return;
    const status = await deps.host.queries.status(code, running);
    if (!status)
      return sendError(res, 404, "join.bad-code", "No session has this code. Check the code on the wall.");
    sendBody(res, sessionStatusSchema, status);
  });

  // A report names every trainee and their votes: only the session's trainer may download it.
  const report = (format: "json" | "csv") => async (req: Request<{ code: string }>, res: Response) => {
    const code = normalizeJoinCode(req.params.code);
    const found = await deps.host.queries.report(code);
    if (!found) return sendError(res, 404, "join.bad-code", `No session has the code ${code}.`);
    if (!trainerTokenMatches(tokenOf(req), found.record.trainerTokenHash)) {
      return sendError(res, 401, "join.bad-token", "The report needs this session's trainer token.");
    }
    if (format === "csv") {
      res.type("text/csv").attachment(`hotseat-${code}.csv`).send(found.csv);
    } else {
      sendBody(res, sessionReportSchema, found.report);
    }
  };
  app.get("/api/sessions/:code/report", report("json"));
  app.get("/api/sessions/:code/report.json", report("json"));
  app.get("/api/sessions/:code/report.csv", report("csv"));

  mountLearningApi(app, {
    learning: deps.host.learning,
    host: deps.host,
    comeBack: deps.comeBack,
    trainerPassword: deps.trainerPassword,
    throttles,
    baseUrl: (req) => baseUrl(req, deps.publicUrl),
  });

  // Anything that still goes wrong under /api answers in the API's own shape, not Express's HTML page.
  app.use("/api", apiErrorHandler);
}
