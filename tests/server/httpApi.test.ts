import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isJoinCode } from "@hotseat/server";
import type { RunningServer } from "@hotseat/server";
import {
  apiErrorSchema,
  checkResponseSchema,
  hostResponseSchema,
  scenarioDetailResponseSchema,
  scenarioListResponseSchema,
  sessionListResponseSchema,
  sessionReportSchema,
  sessionStatusSchema,
} from "@hotseat/shared";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { joinTrainees, Peer, startTestServer } from "./harness";
import { requestFrom } from "./rawHttp";

const password = "correct horse";
const clientDir = mkdtempSync(join(tmpdir(), "hotseat-client-"));
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Hotseat</title>");
  writeFileSync(join(clientDir, "assets", "app.js"), "console.log('hotseat')");
  server = await startTestServer({
    trainerPassword: password,
    clientDir,
    publicUrl: "https://hotseat.example.org",
  });
});
afterAll(async () => {
  await server.stop();
  rmSync(clientDir, { recursive: true, force: true });
});

async function api(path: string, init: RequestInit = {}) {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (CSV, HTML): keep the text.
  }
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: body as Record<string, unknown>,
  };
}

function host(body: object, headers: Record<string, string> = { "x-hotseat-password": password }) {
  return api("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("the scenario library", () => {
  it("lists every scenario with its title, languages, summary and diagnostics counts", async () => {
    const { status, body } = await api("/api/scenarios");
    expect(status).toBe(200);
    // Every answer is read with the schema the client reads it with (shared/src/protocol/httpApi.ts).
    const { scenarios } = scenarioListResponseSchema.parse(body);
    expect(scenarios.map((s) => s.id)).toEqual(["broken-call", "short-call"]);
    expect(scenarios[1]).toMatchObject({
      id: "short-call",
      title: { en: "The short call", pl: "Krótka rozmowa" },
      languages: ["en", "pl"],
      estimatedMinutes: 10,
      playable: true,
      diagnostics: { errors: 0, warnings: 1 },
    });
    expect(scenarios[0]?.playable).toBe(false);
    expect(scenarios[0]?.diagnostics.errors).toBeGreaterThan(0);
  });

  it("shows one scenario with its diagnostics, and checks an uploaded text with the same loader", async () => {
    // The diagnostics (and the scenario with its effects) are for trainers: the password shows them.
    const one = await api("/api/scenarios/broken-call", { headers: { "x-hotseat-password": password } });
    const { diagnostics } = scenarioDetailResponseSchema.parse(one.body);
    expect(Array.isArray(diagnostics) && diagnostics.find((d) => d.code === "HS003")?.line).toBe(22);
    // Anyone else gets the summary: the counts, no scenario.
    const summary = scenarioDetailResponseSchema.parse((await api("/api/scenarios/short-call")).body);
    expect(summary).toMatchObject({ id: "short-call", diagnostics: { errors: 0 } });
    expect(summary.scenario).toBeUndefined();
    const unknown = await api("/api/scenarios/nothing-here");
    expect(unknown.status).toBe(404);
    expect(apiErrorSchema.parse(unknown.body).error).toMatchObject({
      code: "scenario.unknown",
      params: { id: "nothing-here" },
    });

    const checked = await api("/api/scenarios/check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: "formatVersion: 1\nid: half\n", file: "half.yaml" }),
    });
    expect(checked.status).toBe(200);
    const check = checkResponseSchema.parse(checked.body);
    expect(check.playable).toBe(false);
    expect(check.diagnostics[0]?.file).toBe("half.yaml");
    const bad = await api("/api/scenarios/check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "oops" }),
    });
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(bad.body).error.code).toBe("message.malformed");
  });
});

describe("checking an uploaded scenario", () => {
  it("answers a hostile text of the largest allowed size with a few errors, while other requests are served", async () => {
    const source = 'a: ["]\n'.repeat(28_571).slice(0, 200_000);
    const check = api("/api/scenarios/check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source, file: "hostile.yaml" }),
    });
    // The check runs in a worker: the library list does not wait for it.
    const listed = await api("/api/scenarios");
    expect(listed.status).toBe(200);
    const checked = await check;
    expect(checked.status).toBe(200);
    const { diagnostics, playable } = checkResponseSchema.parse(checked.body);
    expect(playable).toBe(false);
    expect(diagnostics.length).toBeLessThanOrEqual(21);
    expect(diagnostics[0]).toMatchObject({ code: "HS001", file: "hostile.yaml" });
  });
});

describe("hosting and reports", () => {
  it("hosts only with the trainer password and only playable scenarios", async () => {
    expect((await host({ scenarioId: "short-call" }, {})).status).toBe(401);
    expect((await host({ scenarioId: "short-call" }, { "x-hotseat-password": "guess" })).status).toBe(401);
    expect((await host({ scenarioId: "broken-call" })).body.error).toMatchObject({
      code: "scenario.invalid",
    });
    expect((await host({ scenarioId: "no-such" })).status).toBe(404);
    expect((await host({ scenarioId: 12 })).status).toBe(400);
    // Without a scenario the trainer picks one in the lobby.
    expect((await host({})).status).toBe(201);

    const hosted = await host({ scenarioId: "short-call" });
    expect(hosted.status).toBe(201);
    const { code, trainerToken, joinUrl } = hostResponseSchema.parse(hosted.body);
    expect(isJoinCode(code)).toBe(true);
    expect(trainerToken.length).toBeGreaterThanOrEqual(32);
    expect(joinUrl).toBe(`https://hotseat.example.org/join/${code}`);

    expect((await api("/api/sessions")).status).toBe(401);
    const list = await api("/api/sessions", { headers: { "x-hotseat-password": password } });
    const { sessions } = sessionListResponseSchema.parse(list.body);
    expect(sessions.find((s) => s.code === code)).toMatchObject({
      code,
      status: "live",
      running: true,
      phase: "lobby",
      scenario: { id: "short-call", title: "The short call" },
      traineeCount: 0,
    });
    const status = await api(`/api/sessions/${code.toLowerCase()}`);
    expect(sessionStatusSchema.parse(status.body)).toMatchObject({
      code,
      running: true,
      joinOpen: true,
      phase: "lobby",
    });
    // The trainer's own list, by the token this browser kept, reads with the same schema.
    const mine = await api("/api/sessions", { headers: { authorization: `Bearer ${trainerToken}` } });
    expect(sessionListResponseSchema.parse(mine.body).sessions.map((s) => s.code)).toEqual([code]);
    expect(JSON.stringify(status.body)).not.toContain(trainerToken);
  });

  it("gives the trainer the report of a played session as JSON and CSV", async () => {
    const hosted = hostResponseSchema.parse((await host({ scenarioId: "short-call" })).body);
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const trainees = await joinTrainees(server.url, hosted.code, 3);
    const play = async (step: number, votes: string[]) => {
      trainer.send({ type: "trainer.openVote" });
      await Promise.all(
        trainees.map((t) => t.viewWhere((v: TraineeView) => v.can === "vote" && v.stepIndex === step)),
      );
      trainees.forEach((t, i) => t.send({ type: "trainee.vote", optionId: votes[i]!, stepIndex: step }));
      await trainer.viewWhere((v) => Object.keys(v.votes).length === 3);
      trainer.send({ type: "trainer.reveal" });
    };
    trainer.send({ type: "trainer.start" });
    await play(0, ["blame", "blame", "listen"]);
    await trainer.viewWhere((v) => v.phase === "revealed");
    await play(1, ["shrug", "promise", "shrug"]);
    await trainer.viewWhere((v) => v.phase === "revealed" && v.stepIndex === 2);
    trainer.send({ type: "trainer.end" });
    await trainer.viewWhere((v) => v.phase === "debrief");

    expect((await api(`/api/sessions/${hosted.code}/report.json`)).status).toBe(401);
    expect((await api(`/api/sessions/${hosted.code}/report.json?token=nope`)).status).toBe(401);
    const json = await api(`/api/sessions/${hosted.code}/report.json`, {
      headers: { authorization: `Bearer ${hosted.trainerToken}` },
    });
    expect(json.status).toBe(200);
    const report = sessionReportSchema.parse(json.body);
    expect(report.joinCode).toBe(hosted.code);
    expect(report.trainees.map((t) => t.name).sort()).toEqual(["Trainee 1", "Trainee 2", "Trainee 3"]);
    const run = report.scenarios[0]!.runs[0]!;
    expect(run.path.map((s) => s.optionId)).toEqual(["blame", "shrug"]);
    expect(run.ending).toEqual({ id: "gone", outcome: "lost-quietly" });
    expect(report.choices.filter((c) => c.name === "Trainee 3").map((c) => [c.optionId, c.played])).toEqual([
      ["listen", false],
      ["shrug", true],
    ]);

    const csv = await api(
      `/api/sessions/${hosted.code}/report.csv?token=${encodeURIComponent(hosted.trainerToken)}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    const lines = (csv.body as unknown as string).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^scenario,run,/);
    expect(lines.filter((l) => l.includes("Trainee 2"))).toHaveLength(2);
    expect((await api(`/api/sessions/QQQQQQ/report.csv`)).status).toBe(404);
  });
});

describe("guessing the trainer password", () => {
  it("throttles an address after ten wrong passwords (hosting or listing), answering 429 with Retry-After", async () => {
    const tries: number[] = [];
    for (let i = 0; i < 6; i++) {
      const listed = await requestFrom("127.0.0.2", server.port, "/api/sessions", {
        headers: { "x-hotseat-password": `guess ${i}` },
      });
      const hosted = await requestFrom("127.0.0.2", server.port, "/api/sessions", {
        method: "POST",
        headers: { "content-type": "application/json", "x-hotseat-password": `guess ${i}` },
        body: "{}",
      });
      tries.push(listed.status, hosted.status);
    }
    expect(tries.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(tries.slice(10)).toEqual([429, 429]);
    const refused = await requestFrom("127.0.0.2", server.port, "/api/sessions", {
      headers: { "x-hotseat-password": password },
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // The trainer at another address is not held up.
    const list = await requestFrom("127.0.0.3", server.port, "/api/sessions", {
      headers: { "x-hotseat-password": password },
    });
    expect(list.status).toBe(200);
  });
});

describe("the web client", () => {
  it("is served with a fallback to index.html for client routes such as /join/CODE", async () => {
    const page = await api("/join/KQWXYR", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.body as unknown as string).toContain("<title>Hotseat</title>");
    expect((await api("/", { headers: { accept: "text/html" } })).status).toBe(200);
    const asset = await api("/assets/app.js");
    expect(asset.type).toContain("javascript");
    expect((await api("/api/nothing", { headers: { accept: "text/html" } })).status).toBe(404);
  });
});
