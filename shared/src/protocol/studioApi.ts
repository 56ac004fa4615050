import { z } from "zod";
import { localizedSchema } from "../scenario/localized";

// The bodies of the Studio's HTTP API (`/api/studio/...`), shared by the server that answers and the
// Studio page that asks. Refusals use the API's usual `{ error: { code, message, params? } }`.

/** The text of a scenario as the Studio sends it: the same bound as an uploaded scenario. */
export const studioSourceSchema = z.string().min(1).max(200_000);

/** A draft's version number: 1 for the first save, one more for every save after it. */
export const draftVersionNumberSchema = z.number().int().min(1);

/** `POST /api/studio/drafts`: a new draft from a text (the blank template, a copy, an uploaded file). */
export const createDraftRequestSchema = z.strictObject({ source: studioSourceSchema });
export type CreateDraftRequest = z.infer<typeof createDraftRequestSchema>;

/**
 * `PUT /api/studio/drafts/:id`: a new version of the draft. `baseVersion` is the version the text was
 * edited from; when another tab saved since, the save is refused with 409 `studio.stale`.
 */
export const saveDraftRequestSchema = z.strictObject({
  baseVersion: draftVersionNumberSchema,
  source: studioSourceSchema,
});
export type SaveDraftRequest = z.infer<typeof saveDraftRequestSchema>;

/** `POST /api/studio/drafts/:id/restore`: saves an older version's text again as the newest version. */
export const restoreDraftRequestSchema = z.strictObject({
  version: draftVersionNumberSchema,
  baseVersion: draftVersionNumberSchema,
});
export type RestoreDraftRequest = z.infer<typeof restoreDraftRequestSchema>;

/** `POST /api/studio/drafts/:id/publish`: makes one saved version playable. */
export const publishDraftRequestSchema = z.strictObject({ version: draftVersionNumberSchema });
export type PublishDraftRequest = z.infer<typeof publishDraftRequestSchema>;

/** Where a draft stands: `errors` cannot be published, `draft` has unpublished changes, `ready` is playable as saved. */
export const studioStatusSchema = z.enum(["ready", "errors", "draft"]);
export type StudioStatus = z.infer<typeof studioStatusSchema>;

/** One scenario in the Studio's library: a built-in file (read-only) or a draft. */
export const studioLibraryItemSchema = z.object({
  kind: z.enum(["builtin", "draft"]),
  /** The draft's id, or the built-in scenario's id. */
  id: z.string(),
  /** The `id:` written in the text, when it parses. */
  scenarioId: z.string().optional(),
  title: localizedSchema.optional(),
  languages: z.array(z.string()),
  states: z.number().int().min(0),
  endings: z.number().int().min(0),
  status: studioStatusSchema,
  diagnostics: z.object({ errors: z.number(), warnings: z.number(), infos: z.number() }),
  /** When the newest version was saved (drafts only), ms since the epoch. */
  updatedAt: z.number().optional(),
  /** The newest version number (drafts only). */
  version: z.number().int().optional(),
  /** The version that is playable, when the draft was published. */
  publishedVersion: z.number().int().optional(),
});
export type StudioLibraryItem = z.infer<typeof studioLibraryItemSchema>;

/** `GET /api/studio/library`: built-in scenarios first, then drafts, newest change first. */
export const studioLibraryResponseSchema = z.object({ items: z.array(studioLibraryItemSchema) });
export type StudioLibraryResponse = z.infer<typeof studioLibraryResponseSchema>;

/** `GET /api/studio/builtin/:id`: a built-in scenario's text, to read, download or copy. */
export const builtinSourceResponseSchema = z.object({ id: z.string(), file: z.string(), source: z.string() });
export type BuiltinSourceResponse = z.infer<typeof builtinSourceResponseSchema>;

/** A draft's newest version, as `GET /api/studio/drafts/:id` and `POST /api/studio/drafts` answer. */
export const draftResponseSchema = z.object({
  id: z.string(),
  version: draftVersionNumberSchema,
  savedAt: z.number(),
  source: z.string(),
  publishedVersion: z.number().int().optional(),
});
export type DraftResponse = z.infer<typeof draftResponseSchema>;

/** What a save or a restore answers: the version it made. */
export const saveDraftResponseSchema = z.object({
  id: z.string(),
  version: draftVersionNumberSchema,
  savedAt: z.number(),
});
export type SaveDraftResponse = z.infer<typeof saveDraftResponseSchema>;

/** `GET /api/studio/drafts/:id/versions`: every saved version, newest first. */
export const draftVersionsResponseSchema = z.object({
  versions: z.array(z.object({ version: draftVersionNumberSchema, savedAt: z.number(), chars: z.number() })),
});
export type DraftVersionsResponse = z.infer<typeof draftVersionsResponseSchema>;

/** `GET /api/studio/drafts/:id/versions/:n`: one saved version's text. */
export const draftVersionResponseSchema = z.object({
  version: draftVersionNumberSchema,
  savedAt: z.number(),
  source: z.string(),
});
export type DraftVersionResponse = z.infer<typeof draftVersionResponseSchema>;

/** `POST /api/studio/drafts/:id/unpublish`: the scenario id withdrawn from the library. */
export const unpublishDraftResponseSchema = z.object({ scenarioId: z.string() });
export type UnpublishDraftResponse = z.infer<typeof unpublishDraftResponseSchema>;

/** `POST /api/studio/drafts/:id/publish`: the scenario id it is hosted under and its content-addressed version. */
export const publishDraftResponseSchema = z.object({
  scenarioId: z.string(),
  versionId: z.string(),
  version: draftVersionNumberSchema,
});
export type PublishDraftResponse = z.infer<typeof publishDraftResponseSchema>;

/**
 * A draft's test plans, as `GET /api/studio/drafts/:id/plans` answers and a save returns: the text of its
 * plans file (`plans.yaml`, "" for none) and its revision (0 before the first save).
 */
export const draftPlansResponseSchema = z.object({
  revision: z.number().int().min(0),
  savedAt: z.number(),
  source: z.string(),
});
export type DraftPlansResponse = z.infer<typeof draftPlansResponseSchema>;

/**
 * `PUT /api/studio/drafts/:id/plans`: the whole plans text over `baseRevision`; a stale revision is 409
 * `studio.plans-stale`, a text that is not a plans file 422 `studio.plans-invalid`.
 */
export const saveDraftPlansRequestSchema = z.strictObject({
  baseRevision: z.number().int().min(0),
  source: z.string().max(200_000),
});
export type SaveDraftPlansRequest = z.infer<typeof saveDraftPlansRequestSchema>;
