import {
  apiErrorSchema,
  builtinSourceResponseSchema,
  draftPlansResponseSchema,
  draftResponseSchema,
  hostResponseSchema,
  publishDraftResponseSchema,
  unpublishDraftResponseSchema,
  saveDraftResponseSchema,
  studioLibraryResponseSchema,
} from "@hotseat/shared";
import type {
  BuiltinSourceResponse,
  DraftPlansResponse,
  DraftResponse,
  HostResponse,
  PublishDraftResponse,
  UnpublishDraftResponse,
  SaveDraftResponse,
  StudioLibraryItem,
} from "@hotseat/shared";
import { trainerTokenKeyPrefix } from "../net/mySessions";

/** A refusal of the Studio's API, with the server's stable code and the values its sentence names. */
export class StudioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

// Kept for this tab only: a shared computer forgets it when the tab closes.
const passwordKey = "hotseat.studioPassword";

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Remembers the trainer password for the Studio's requests in this tab. */
export function setStudioPassword(password: string): void {
  storage()?.setItem(passwordKey, password);
}

/** A request's headers: the tab's password, and the type of a JSON body when there is one. */
function headers(body: unknown): Record<string, string> {
  const password = storage()?.getItem(passwordKey);
  return {
    ...(password ? { "x-hotseat-password": password } : {}),
    ...(body === undefined ? {} : { "content-type": "application/json" }),
  };
}

export async function request<T>(
  schema: { parse: (v: unknown) => T },
  path: string,
  method = "GET",
  body?: unknown,
): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: headers(body),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json: unknown = text === "" ? {} : JSON.parse(text);
  if (!res.ok) {
    const refusal = apiErrorSchema.safeParse(json);
    if (refusal.success) {
      const { code, message, params } = refusal.data.error;
      throw new StudioApiError(res.status, code, message, params);
    }
    throw new StudioApiError(res.status, "http", `HTTP ${res.status}`);
  }
  return schema.parse(json);
}

const nothing = { parse: () => undefined };
const id = (s: string) => encodeURIComponent(s);

/**
 * Saves a draft as its tab closes: a request the browser finishes after the page is gone (`keepalive`), so
 * nobody reads its answer; a refusal (another tab saved meanwhile) leaves the server's newest version as it was.
 */
export function saveOnLeave(draftId: string, baseVersion: number, source: string): void {
  const body = { baseVersion, source };
  void fetch(`/api/studio/drafts/${id(draftId)}`, {
    method: "PUT",
    keepalive: true,
    headers: headers(body),
    body: JSON.stringify(body),
  });
}

/** The Studio's calls to the server (`/api/studio/...`); every answer is checked against shared's schemas. */
export const studioApi = {
  library: async (): Promise<StudioLibraryItem[]> =>
    (await request(studioLibraryResponseSchema, "/api/studio/library")).items,
  builtin: (scenarioId: string): Promise<BuiltinSourceResponse> =>
    request(builtinSourceResponseSchema, `/api/studio/builtin/${id(scenarioId)}`),
  draft: (draftId: string): Promise<DraftResponse> =>
    request(draftResponseSchema, `/api/studio/drafts/${id(draftId)}`),
  create: (source: string): Promise<DraftResponse> =>
    request(draftResponseSchema, "/api/studio/drafts", "POST", { source }),
  save: (draftId: string, baseVersion: number, source: string): Promise<SaveDraftResponse> =>
    request(saveDraftResponseSchema, `/api/studio/drafts/${id(draftId)}`, "PUT", { baseVersion, source }),
  remove: (draftId: string): Promise<void> => request(nothing, `/api/studio/drafts/${id(draftId)}`, "DELETE"),
  publish: (draftId: string, version: number): Promise<PublishDraftResponse> =>
    request(publishDraftResponseSchema, `/api/studio/drafts/${id(draftId)}/publish`, "POST", { version }),
  plans: (draftId: string): Promise<DraftPlansResponse> =>
    request(draftPlansResponseSchema, `/api/studio/drafts/${id(draftId)}/plans`),
  savePlans: (draftId: string, baseRevision: number, source: string): Promise<DraftPlansResponse> =>
    request(draftPlansResponseSchema, `/api/studio/drafts/${id(draftId)}/plans`, "PUT", {
      baseRevision,
      source,
    }),
  unpublish: (draftId: string): Promise<UnpublishDraftResponse> =>
    request(unpublishDraftResponseSchema, `/api/studio/drafts/${id(draftId)}/unpublish`, "POST", {}),
  /**
   * Hosts a session with a published scenario and keeps its trainer token where the console looks for it,
   * as the home page's hosting does, so the console opened next takes control.
   */
  host: async (scenarioId: string): Promise<HostResponse> => {
    const password = storage()?.getItem(passwordKey) ?? undefined;
    const hosted = await request(hostResponseSchema, "/api/sessions", "POST", {
      scenarioId,
      ...(password ? { password } : {}),
    });
    try {
      window.localStorage.setItem(`${trainerTokenKeyPrefix}${hosted.code}`, hosted.trainerToken);
      window.localStorage.setItem(`hotseat.joinUrl.${hosted.code}`, hosted.joinUrl);
    } catch {
      // Storage off: the console asks for the token instead.
    }
    return hosted;
  },
};
