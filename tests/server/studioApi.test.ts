import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAsyncStore, SqliteSessionStore } from "@hotseat/server";
import type { RunningServer } from "@hotseat/server";
import { blankScenario } from "@hotseat/shared";
import type { DraftResponse, StudioLibraryItem } from "@hotseat/shared";
import { startTestServer } from "./harness";

const password = "correct horse";
const trainer = { "x-hotseat-password": password };

type Answer = {
  status: number;
  body: Record<string, unknown> & {
    error?: { code: string; message: string; params?: Record<string, unknown> };
  };
};

async function call(
  url: string,
  path: string,
  method = "GET",
  body?: unknown,
  headers: Record<string, string> = trainer,
): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as Answer["body"] };
}

const titled = (id: string, title: string) =>
  blankScenario(id).replace("title: A new scenario", `title: ${title}`);

describe("the Studio's API", () => {
  let server: RunningServer;
  const api = (path: string, method?: string, body?: unknown, headers?: Record<string, string>) =>
    call(server.url, path, method, body, headers);
  beforeAll(async () => {
    server = await startTestServer({ trainerPassword: password });
  });
  afterAll(() => server.stop());

  it("needs the trainer password when the server has one", async () => {
    expect((await api("/api/studio/library", "GET", undefined, {})).body.error?.code).toBe("studio.password");
    const wrong = await api("/api/studio/library", "GET", undefined, { "x-hotseat-password": "guess" });
    expect(wrong.status).toBe(401);
    const create = await api("/api/studio/drafts", "POST", { source: blankScenario("x") }, {});
    expect(create.status).toBe(401);
    expect((await api("/api/studio/library")).status).toBe(200);
  });

  it("lists the built-in scenarios read-only, with their status, and gives their text to copy", async () => {
    const { body } = await api("/api/studio/library");
    const items = body.items as StudioLibraryItem[];
    expect(items.find((i) => i.id === "short-call")).toMatchObject({
      kind: "builtin",
      status: "ready",
      languages: ["en", "pl"],
      states: 4,
      endings: 2,
    });
    expect(items.find((i) => i.id === "broken-call")).toMatchObject({ kind: "builtin", status: "errors" });
    const source = await api("/api/studio/builtin/short-call");
    expect(source.body.source).toContain("id: short-call");
    // A built-in cannot be saved over: it is not a draft.
    const overwrite = await api("/api/studio/drafts/short-call", "PUT", { baseVersion: 1, source: "x" });
    expect(overwrite.status).toBe(404);
    expect(overwrite.body.error?.code).toBe("studio.unknown");
  });

  it("saves numbered versions, refuses a stale save with 409, and restores an old version", async () => {
    const created = await api("/api/studio/drafts", "POST", { source: titled("first-try", "One") });
    expect(created.status).toBe(201);
    const draft = created.body as DraftResponse;
    expect(draft).toMatchObject({ id: "first-try", version: 1 });
    const two = await api(`/api/studio/drafts/${draft.id}`, "PUT", {
      baseVersion: 1,
      source: titled("first-try", "Two"),
    });
    expect(two.body).toMatchObject({ id: "first-try", version: 2 });
    // A second tab still on version 1 is told, and nothing is overwritten.
    const stale = await api(`/api/studio/drafts/${draft.id}`, "PUT", { baseVersion: 1, source: "lost?" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "studio.stale", params: { head: 2, base: 1 } });
    expect(stale.body.error?.message).toMatch(/another tab/);
    expect(((await api(`/api/studio/drafts/${draft.id}`)).body as DraftResponse).source).toContain(
      "title: Two",
    );
    const restored = await api(`/api/studio/drafts/${draft.id}/restore`, "POST", {
      version: 1,
      baseVersion: 2,
    });
    expect(restored.body).toMatchObject({ version: 3 });
    const head = (await api(`/api/studio/drafts/${draft.id}`)).body as DraftResponse;
    expect(head).toMatchObject({ version: 3 });
    expect(head.source).toContain("title: One");
    const versions = await api(`/api/studio/drafts/${draft.id}/versions`);
    expect((versions.body.versions as { version: number }[]).map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await api(`/api/studio/drafts/${draft.id}/versions/2`)).body.source).toContain("title: Two");
  });

  it("gives a copy of a built-in its own id, keeping the text's comments", async () => {
    const source = `# Copied from the short call\n${(await api("/api/studio/builtin/short-call")).body.source as string}`;
    const copy = (await api("/api/studio/drafts", "POST", { source })).body as DraftResponse;
    expect(copy.id).toBe("short-call-2");
    expect(copy.source).toContain("id: short-call-2");
    expect(copy.source).toContain("# Copied from the short call");
    const again = (await api("/api/studio/drafts", "POST", { source })).body as DraftResponse;
    expect(again.id).toBe("short-call-3");
  });

  it("answers bad input with a clear 400, 404 or 415", async () => {
    const missing = await api("/api/studio/drafts/first-try", "PUT", { source: "x" });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe("message.malformed");
    expect(missing.body.error?.message).toMatch(/baseVersion/);
    const huge = await api("/api/studio/drafts", "POST", { source: "x".repeat(200_001) });
    expect(huge.status).toBe(400);
    expect((await api("/api/studio/drafts", "POST", { source: "" })).status).toBe(400);
    expect((await api("/api/studio/drafts", "POST", { source: "x", extra: 1 })).status).toBe(400);
    const notJson = await fetch(`${server.url}/api/studio/drafts`, {
      method: "POST",
      headers: { ...trainer, "content-type": "text/plain" },
      body: "id: x",
    });
    expect(notJson.status).toBe(415);
    const badVersion = await api("/api/studio/drafts/first-try/versions/two");
    expect(badVersion.status).toBe(400);
    const noVersion = await api("/api/studio/drafts/first-try/versions/99");
    expect(noVersion.body.error?.code).toBe("studio.unknown-version");
    expect((await api("/api/studio/drafts/nobody")).body.error?.code).toBe("studio.unknown");
  });

  it("publishes a version so it can be hosted at once; a running session keeps the version it started with", async () => {
    const draft = (await api("/api/studio/drafts", "POST", { source: titled("fresh-call", "Fresh one") }))
      .body as DraftResponse;
    const library = (await api("/api/studio/library")).body.items as StudioLibraryItem[];
    expect(library.find((i) => i.id === "fresh-call")).toMatchObject({
      kind: "draft",
      status: "draft",
      version: 1,
    });
    // Not hostable before it is published.
    const early = await api("/api/sessions", "POST", { scenarioId: "fresh-call" });
    expect(early.status).toBe(404);

    const published = await api(`/api/studio/drafts/${draft.id}/publish`, "POST", { version: 1 });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ scenarioId: "fresh-call", version: 1 });
    expect(published.body.versionId).toMatch(/^[0-9a-f]{64}$/);
    const scenarios = (await api("/api/scenarios")).body.scenarios as { id: string; playable: boolean }[];
    expect(scenarios.find((s) => s.id === "fresh-call")).toMatchObject({ playable: true });
    const after = (await api("/api/studio/library")).body.items as StudioLibraryItem[];
    expect(after.find((i) => i.id === "fresh-call")).toMatchObject({ status: "ready", publishedVersion: 1 });

    const first = await api("/api/sessions", "POST", { scenarioId: "fresh-call" });
    expect(first.status).toBe(201);
    const code = first.body.code as string;
    expect((await api(`/api/sessions/${code}`)).body.scenario).toMatchObject({ title: "Fresh one" });

    await api(`/api/studio/drafts/${draft.id}`, "PUT", {
      baseVersion: 1,
      source: titled("fresh-call", "Fresh two"),
    });
    const edited = (await api("/api/studio/library")).body.items as StudioLibraryItem[];
    expect(edited.find((i) => i.id === "fresh-call")).toMatchObject({ status: "draft", version: 2 });
    await api(`/api/studio/drafts/${draft.id}/publish`, "POST", { version: 2 });
    const second = await api("/api/sessions", "POST", { scenarioId: "fresh-call" });
    expect((await api(`/api/sessions/${second.body.code as string}`)).body.scenario).toMatchObject({
      title: "Fresh two",
    });
    // The session hosted before still plays what it was hosted with.
    expect((await api(`/api/sessions/${code}`)).body.scenario).toMatchObject({ title: "Fresh one" });
  });

  it("withdraws a published scenario from new sessions; a running session plays on with its version", async () => {
    const draft = (await api("/api/studio/drafts", "POST", { source: titled("gone-call", "Going soon") }))
      .body as DraftResponse;
    const notYet = await api(`/api/studio/drafts/${draft.id}/unpublish`, "POST");
    expect(notYet.status).toBe(409);
    expect(notYet.body.error?.code).toBe("studio.not-published");
    await api(`/api/studio/drafts/${draft.id}/publish`, "POST", { version: 1 });
    const running = await api("/api/sessions", "POST", { scenarioId: "gone-call" });
    expect(running.status).toBe(201);

    const withdrawn = await api(`/api/studio/drafts/${draft.id}/unpublish`, "POST");
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual({ scenarioId: "gone-call" });
    const scenarios = (await api("/api/scenarios")).body.scenarios as { id: string }[];
    expect(scenarios.map((s) => s.id)).not.toContain("gone-call");
    expect((await api("/api/sessions", "POST", { scenarioId: "gone-call" })).status).toBe(404);
    const item = ((await api("/api/studio/library")).body.items as StudioLibraryItem[]).find(
      (i) => i.id === "gone-call",
    );
    expect(item).toMatchObject({ kind: "draft", status: "draft" });
    expect(item?.publishedVersion).toBeUndefined();
    // The session hosted before plays on with the version it pinned.
    expect((await api(`/api/sessions/${running.body.code as string}`)).body.scenario).toMatchObject({
      title: "Going soon",
    });
    // Withdrawn is not deleted: it can be published again, and an unknown draft is refused.
    expect((await api(`/api/studio/drafts/${draft.id}/publish`, "POST", { version: 1 })).status).toBe(200);
    expect((await api("/api/sessions", "POST", { scenarioId: "gone-call" })).status).toBe(201);
    expect((await api("/api/studio/drafts/no-such/unpublish", "POST")).body.error?.code).toBe(
      "studio.unknown",
    );
  });

  it("refuses to publish a version with errors or a built-in's id, saying why", async () => {
    const broken = blankScenario("wrong-way").replace("target: calm-end", "target: calm-ned");
    const draft = (await api("/api/studio/drafts", "POST", { source: broken })).body as DraftResponse;
    const listed = (await api("/api/studio/library")).body.items as StudioLibraryItem[];
    expect(listed.find((i) => i.id === "wrong-way")).toMatchObject({
      status: "errors",
      diagnostics: { errors: 1 },
    });
    const refused = await api(`/api/studio/drafts/${draft.id}/publish`, "POST", { version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "studio.invalid", params: { errors: 1 } });

    const thief = (await api("/api/studio/drafts", "POST", { source: blankScenario("thief") }))
      .body as DraftResponse;
    await api(`/api/studio/drafts/${thief.id}`, "PUT", {
      baseVersion: 1,
      source: blankScenario("short-call"),
    });
    const clash = await api(`/api/studio/drafts/${thief.id}/publish`, "POST", { version: 2 });
    expect(clash.status).toBe(409);
    expect(clash.body.error?.code).toBe("studio.id-builtin");
    // The built-in still plays its own text.
    const scenarios = (await api("/api/scenarios")).body.scenarios as { id: string; title: unknown }[];
    expect(scenarios.find((s) => s.id === "short-call")?.title).toMatchObject({ en: "The short call" });
  });

  it("deletes a draft that was never published, and keeps a published one", async () => {
    const draft = (await api("/api/studio/drafts", "POST", { source: blankScenario("scratch") }))
      .body as DraftResponse;
    expect((await api(`/api/studio/drafts/${draft.id}`, "DELETE")).status).toBe(204);
    expect((await api(`/api/studio/drafts/${draft.id}`)).status).toBe(404);
    const kept = await api("/api/studio/drafts/fresh-call", "DELETE");
    expect(kept.status).toBe(409);
    expect(kept.body.error?.code).toBe("studio.published");
  });
});

describe("the Studio after a restart", () => {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-studio-"));
  const path = join(dir, "hotseat.sqlite");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every draft version and the published scenarios hostable", async () => {
    const first = await startTestServer({ store: asAsyncStore(new SqliteSessionStore(path)) });
    const open = (path: string, method?: string, body?: unknown) => call(first.url, path, method, body, {});
    const draft = (await open("/api/studio/drafts", "POST", { source: titled("kept-call", "Kept") }))
      .body as DraftResponse;
    await open(`/api/studio/drafts/${draft.id}/publish`, "POST", { version: 1 });
    await open(`/api/studio/drafts/${draft.id}`, "PUT", {
      baseVersion: 1,
      source: titled("kept-call", "Unpublished edit"),
    });
    await first.stop();

    const second = await startTestServer({ store: asAsyncStore(new SqliteSessionStore(path)) });
    try {
      const again = (path: string, method?: string, body?: unknown) =>
        call(second.url, path, method, body, {});
      const head = (await again("/api/studio/drafts/kept-call")).body as DraftResponse;
      expect(head).toMatchObject({ version: 2, publishedVersion: 1 });
      expect(head.source).toContain("Unpublished edit");
      const hosted = await again("/api/sessions", "POST", { scenarioId: "kept-call" });
      expect(hosted.status).toBe(201);
      expect((await again(`/api/sessions/${hosted.body.code as string}`)).body.scenario).toMatchObject({
        title: "Kept",
      });
    } finally {
      await second.stop();
    }
  });
});
