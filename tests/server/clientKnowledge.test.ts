import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import {
  apiErrorSchema,
  practiceResponseSchema,
  scenarioDetailResponseSchema,
  type ProjectorView,
  type TraineeView,
  type TrainerView,
} from "@hotseat/shared";
import { hostSession, Peer, startTestServer } from "./harness";

// What a browser may learn from the server: effects only for the trainer, the best path only at the
// debrief, and a practice session hosted in one request.

const password = "open sesame";
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ trainerPassword: password });
});
afterAll(async () => {
  await server.stop();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, text: await res.text() };
}

async function practise(body: object, headers: Record<string, string> = { "x-hotseat-password": password }) {
  const res = await fetch(`${server.url}/api/practice`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("GET /api/scenarios/:id", () => {
  it("gives an anonymous caller and a trainee with the join code the summary, never an option's effects", async () => {
    const hosted = await hostSession(server.url, { scenarioId: "short-call", password });
    for (const path of ["/api/scenarios/short-call", `/api/scenarios/short-call?session=${hosted.code}`]) {
      const { status, text } = await get(path);
      expect(status).toBe(200);
      const body = scenarioDetailResponseSchema.parse(JSON.parse(text));
      expect(body).toMatchObject({ id: "short-call", playable: true, languages: ["en", "pl"] });
      expect(body.scenario).toBeUndefined();
      // Not the effects, nor the feedback or labels a trainee could match against the options on screen.
      expect(text).not.toMatch(/effect|mood|Listening first|Tell me what happened/);
    }
    // A wrong token is the same as none.
    const forged = await get(`/api/scenarios/short-call?session=${hosted.code}`, {
      authorization: "Bearer not-the-token",
    });
    expect(JSON.parse(forged.text)).not.toHaveProperty("scenario");
  });

  it("gives the session's trainer (token) and a holder of the trainer password the full scenario", async () => {
    const hosted = await hostSession(server.url, { scenarioId: "short-call", password });
    const byToken = await get(`/api/scenarios/short-call?session=${hosted.code}`, {
      authorization: `Bearer ${hosted.trainerToken}`,
    });
    const byPassword = await get("/api/scenarios/short-call", { "x-hotseat-password": password });
    for (const { status, text } of [byToken, byPassword]) {
      expect(status).toBe(200);
      const body = scenarioDetailResponseSchema.parse(JSON.parse(text));
      expect(body.scenario?.machine.states["opening"]).toBeDefined();
      expect(Array.isArray(body.diagnostics)).toBe(true);
      expect(text).toContain("Listening first calms him.");
    }
  });

  it("refuses an unknown scenario with a stable code and the id as a parameter", async () => {
    const { status, text } = await get("/api/scenarios/nothing-here");
    expect(status).toBe(404);
    expect(apiErrorSchema.parse(JSON.parse(text)).error).toMatchObject({
      code: "scenario.unknown",
      params: { id: "nothing-here" },
    });
  });
});

describe("the debrief's best path", () => {
  it("is sent to the trainer and the projector at the debrief only, as labels in the viewer's language", async () => {
    const hosted = await hostSession(server.url, { scenarioId: "short-call", password });
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const projector = await Peer.join<ProjectorView>(server.url, hosted.code, {
      role: "projector",
      locale: "pl",
    });
    const trainee = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      name: "Ana",
      reconnectKey: `best-${hosted.code}`,
    });
    trainer.send({ type: "trainer.start" });
    await trainer.viewWhere((v) => v.phase === "deciding");
    expect(trainer.view.best).toBeUndefined();
    expect(projector.view.best).toBeUndefined();
    trainer.send({ type: "trainer.override", optionId: "blame" });
    await trainer.viewWhere((v) => v.history.length === 1);
    trainer.send({ type: "trainer.end" });

    const debrief = await trainer.viewWhere((v) => v.phase === "debrief");
    // Listening (+20) then the promise (+20) from 30 is the only way to the calm ending: mood 70, €0 + staff time.
    expect(debrief.best).toEqual({
      labels: ["Tell me what happened.", "It will be there by five."],
      mood: 70,
      cost: expect.any(Number) as number,
    });
    const wall = await projector.viewWhere((v) => v.phase === "debrief");
    expect(wall.best?.labels).toEqual(["Proszę powiedzieć, co się stało.", "Będzie do piątej."]);
    const phone = await trainee.viewWhere((v) => v.phase === "debrief");
    expect(phone).not.toHaveProperty("best");
    await Promise.all([trainer.leave(), projector.leave(), trainee.leave()]);
  });
});

describe("POST /api/practice", () => {
  it("hosts a started solo session whose only seat the caller takes with the returned key", async () => {
    const answer = await practise({ scenarioId: "short-call", name: "Ona", locale: "pl" });
    expect(answer.status).toBe(201);
    const practice = practiceResponseSchema.parse(answer.body);
    expect(practice.name).toBe("Ona");

    const me = await Peer.join<TraineeView>(server.url, practice.code, {
      role: "trainee",
      reconnectKey: practice.reconnectKey,
      locale: "pl",
    });
    const view = await me.viewWhere((v) => v.can === "choose");
    expect(view).toMatchObject({ style: "solo", phase: "deciding", me: { name: "Ona" } });
    expect(view.options.map((o) => o.label)).toContain("Proszę powiedzieć, co się stało.");
    me.send({ type: "trainee.choose", optionId: "listen", stepIndex: 0 });
    await me.viewWhere((v) => v.stepIndex === 1 || v.result?.optionId === "listen");

    // The seat is taken: nobody else can play this practice, even with its code.
    await expect(
      Peer.join(server.url, practice.code, { role: "trainee", name: "Intruder", reconnectKey: "other" }),
    ).rejects.toThrow(/join\.solo-full/);
    await me.leave();
  });

  it("needs the trainer password when the server guards hosting, and a scenario that exists", async () => {
    const refused = await practise({ scenarioId: "short-call" }, {});
    expect(refused.status).toBe(401);
    expect(apiErrorSchema.parse(refused.body).error.code).toBe("host.password");
    const unknown = await practise({ scenarioId: "nothing-here" });
    expect(unknown.status).toBe(404);
    expect(apiErrorSchema.parse(unknown.body).error.code).toBe("scenario.unknown");
    const broken = await practise({ scenarioId: "short-call", extra: 1 });
    expect(broken.status).toBe(400);
  });
});
