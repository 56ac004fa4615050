import type { Application, Request, RequestHandler, Response } from "express";
import {
  createDraftRequestSchema,
  draftVersionNumberSchema,
  publishDraftRequestSchema,
  restoreDraftRequestSchema,
  saveDraftPlansRequestSchema,
  saveDraftRequestSchema,
} from "@hotseat/shared";
import type {
  BuiltinSourceResponse,
  DraftPlansResponse,
  DraftResponse,
  DraftVersionResponse,
  DraftVersionsResponse,
  PublishDraftResponse,
  SaveDraftResponse,
  StudioLibraryResponse,
  UnpublishDraftResponse,
} from "@hotseat/shared";
import { z } from "zod";
import type { SessionHost } from "../sessions/SessionHost";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import { Studio, StudioError } from "../studio/Studio";
import type { HttpThrottles } from "./httpLimits";
import { jsonBody } from "./jsonBody";
import { samePassword } from "./trainerAccess";

/** What the Studio's routes need from the server. */
export type StudioDeps = {
  store: AsyncSessionStore;
  host: SessionHost;
  /** When set, every Studio route needs it in `x-hotseat-password`. */
  trainerPassword?: string;
  throttles?: HttpThrottles;
  now?: () => number;
};

// Every Studio refusal in the API's shape; anything else goes on to the API's error handler.
function handle(body: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res, next) => {
    try {
      await body(req, res);
    } catch (e) {
      if (!(e instanceof StudioError)) return next(e);
      res
        .status(e.status)
        .json({ error: { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) } });
    }
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StudioError(400, "message.malformed", z.prettifyError(result.error));
  return result.data;
}

const versionParam = z.coerce.number().pipe(draftVersionNumberSchema);

/**
 * The Studio's HTTP API under `/api/studio`: the library, drafts with numbered versions (a stale save is
 * 409 `studio.stale`), restoring a version, and publishing one so it can be hosted at once. Guarded by the
 * trainer password when the server has one; a wrong password counts as a guess against the address.
 */
export function mountStudioApi(app: Application, deps: StudioDeps): void {
  const studio = new Studio(deps.store, deps.host, deps.now);
  const json = jsonBody();
  app.use("/api/studio", (req, res, next) => {
    if (deps.trainerPassword === undefined) return next();
    if (samePassword(req.get("x-hotseat-password"), deps.trainerPassword)) return next();
    if (deps.throttles?.guardGuess(req, res, "api")) return;
    res.status(401).json({
      error: { code: "studio.password", message: "The Studio needs the trainer password." },
    });
  });

  app.get(
    "/api/studio/library",
    handle(async (_req, res) => {
      const answer: StudioLibraryResponse = { items: await studio.items() };
      res.json(answer);
    }),
  );

  app.get(
    "/api/studio/builtin/:id",
    handle(async (req, res) => {
      const entry = await studio.builtin(String(req.params.id));
      const answer: BuiltinSourceResponse = { id: entry.id, file: entry.file, source: entry.source };
      res.json(answer);
    }),
  );

  const draftAnswer = async (id: string): Promise<DraftResponse> => {
    const d = await studio.draft(id);
    return {
      id: d.id,
      version: d.version,
      savedAt: d.savedAt,
      source: d.source,
      ...(d.publishedVersion !== undefined ? { publishedVersion: d.publishedVersion } : {}),
    };
  };

  app.post(
    "/api/studio/drafts",
    ...json,
    handle(async (req, res) => {
      const body = parse(createDraftRequestSchema, req.body ?? {});
      res.status(201).json(await draftAnswer((await studio.create(body.source)).id));
    }),
  );

  app.get(
    "/api/studio/drafts/:id",
    handle(async (req, res) => {
      res.json(await draftAnswer(String(req.params.id)));
    }),
  );

  app.put(
    "/api/studio/drafts/:id",
    ...json,
    handle(async (req, res) => {
      const body = parse(saveDraftRequestSchema, req.body ?? {});
      const id = String(req.params.id);
      const saved = await studio.save(id, body.baseVersion, body.source);
      const answer: SaveDraftResponse = { id, version: saved.version, savedAt: saved.savedAt };
      res.json(answer);
    }),
  );

  app.delete(
    "/api/studio/drafts/:id",
    handle(async (req, res) => {
      await studio.delete(String(req.params.id));
      res.status(204).end();
    }),
  );

  app.get(
    "/api/studio/drafts/:id/versions",
    handle(async (req, res) => {
      const versions = await studio.versions(String(req.params.id));
      const answer: DraftVersionsResponse = {
        versions: versions.map((v) => ({ version: v.version, savedAt: v.savedAt, chars: v.source.length })),
      };
      res.json(answer);
    }),
  );

  app.get(
    "/api/studio/drafts/:id/versions/:version",
    handle(async (req, res) => {
      const version = parse(versionParam, req.params.version);
      const found = await studio.version(String(req.params.id), version);
      const answer: DraftVersionResponse = found;
      res.json(answer);
    }),
  );

  app.post(
    "/api/studio/drafts/:id/restore",
    ...json,
    handle(async (req, res) => {
      const body = parse(restoreDraftRequestSchema, req.body ?? {});
      const id = String(req.params.id);
      const saved = await studio.restore(id, body.version, body.baseVersion);
      const answer: SaveDraftResponse = { id, version: saved.version, savedAt: saved.savedAt };
      res.json(answer);
    }),
  );

  app.post(
    "/api/studio/drafts/:id/unpublish",
    handle(async (req, res) => {
      const answer: UnpublishDraftResponse = await studio.unpublish(String(req.params.id));
      res.json(answer);
    }),
  );

  app.post(
    "/api/studio/drafts/:id/publish",
    ...json,
    handle(async (req, res) => {
      const body = parse(publishDraftRequestSchema, req.body ?? {});
      const answer: PublishDraftResponse = await studio.publish(String(req.params.id), body.version);
      res.json(answer);
    }),
  );

  app.get(
    "/api/studio/drafts/:id/plans",
    handle(async (req, res) => {
      const answer: DraftPlansResponse = await studio.plans(String(req.params.id));
      res.json(answer);
    }),
  );

  app.put(
    "/api/studio/drafts/:id/plans",
    ...json,
    handle(async (req, res) => {
      const body = parse(saveDraftPlansRequestSchema, req.body ?? {});
      const answer: DraftPlansResponse = await studio.savePlans(
        String(req.params.id),
        body.baseRevision,
        body.source,
      );
      res.json(answer);
    }),
  );
}
