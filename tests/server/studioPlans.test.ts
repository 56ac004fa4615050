import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asAsyncStore, SqliteSessionStore } from "@hotseat/server";
import { blankScenario } from "@hotseat/shared";
import type { DraftPlansResponse, DraftResponse } from "@hotseat/shared";
import { startTestServer } from "./harness";

type Answer = {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
};

async function call(url: string, path: string, method = "GET", body?: unknown): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as Answer["body"] };
}

const plansText = (name: string) => `formatVersion: 1
scenario: kept-plans
plans:
  - name: ${name}
    choices: [listen]
    expect: { ending: calm-end, mood: { min: 50 } }
`;

describe("a Studio draft's test plans", () => {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-studio-plans-"));
  const path = join(dir, "hotseat.sqlite");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are saved with the draft by revision, refused when stale or malformed, and kept over a restart", async () => {
    const first = await startTestServer({ store: asAsyncStore(new SqliteSessionStore(path)) });
    let id: string | undefined;
    try {
      const api = (p: string, method?: string, body?: unknown) => call(first.url, p, method, body);
      id = (
        (await api("/api/studio/drafts", "POST", { source: blankScenario("kept-plans") }))
          .body as DraftResponse
      ).id;
      expect((await api(`/api/studio/drafts/${id}/plans`)).body).toEqual({
        revision: 0,
        savedAt: 0,
        source: "",
      });
      const saved = await api(`/api/studio/drafts/${id}/plans`, "PUT", {
        baseRevision: 0,
        source: plansText("A"),
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ revision: 1, source: plansText("A") });

      const stale = await api(`/api/studio/drafts/${id}/plans`, "PUT", {
        baseRevision: 0,
        source: plansText("B"),
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error?.code).toBe("studio.plans-stale");
      const malformed = await api(`/api/studio/drafts/${id}/plans`, "PUT", {
        baseRevision: 1,
        source: "formatVersion: 1\nscenario: kept-plans\nplans: []\n",
      });
      expect(malformed.status).toBe(422);
      expect(malformed.body.error?.code).toBe("studio.plans-invalid");
      const noBody = await api(`/api/studio/drafts/${id}/plans`, "PUT", { source: 3 });
      expect(noBody.body.error?.code).toBe("message.malformed");
      expect((await api(`/api/studio/drafts/nope/plans`)).body.error?.code).toBe("studio.unknown");
      // Nothing refused was written, and the scenario's own versions did not move.
      expect((await api(`/api/studio/drafts/${id}/plans`)).body).toMatchObject({
        revision: 1,
        source: plansText("A"),
      });
      expect(((await api(`/api/studio/drafts/${id}`)).body as DraftResponse).version).toBe(1);
      // Deleting every plan is an empty text.
      const emptied = await api(`/api/studio/drafts/${id}/plans`, "PUT", { baseRevision: 1, source: "" });
      expect(emptied.body).toMatchObject({ revision: 2, source: "" });
      await api(`/api/studio/drafts/${id}/plans`, "PUT", { baseRevision: 2, source: plansText("Kept") });
    } finally {
      await first.stop();
    }
    const second = await startTestServer({ store: asAsyncStore(new SqliteSessionStore(path)) });
    try {
      const kept = (await call(second.url, `/api/studio/drafts/${id ?? "?"}/plans`))
        .body as DraftPlansResponse;
      expect(kept).toMatchObject({ revision: 3, source: plansText("Kept") });
    } finally {
      await second.stop();
    }
  });
});
