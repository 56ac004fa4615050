import { lrsStatusSchema } from "@hotseat/shared";
import type { LearnerRecord } from "@hotseat/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { learner, ruinedHatRun } from "../../shared/src/learning/learnerRecordFixtures";
import type { LmsRecords } from "../../server/src/http/lmsRoutes";
import type { RunningServer } from "../../server/src/hotseatServer";
import { hostSession, startTestServer } from "./harness";
import { TestLrs } from "./testLrs";

const password = "trainer-pw";
const path: [string, string][] = [
  ["review-posted", "apologise-and-invite"],
  ["first-contact", "ask-what-happened"],
  ["wash-story", "explain-without-blame"],
];

let server: RunningServer | undefined;
let lrs: TestLrs | undefined;
afterEach(async () => {
  await server?.stop();
  await lrs?.stop();
  server = lrs = undefined;
});

/** A server whose learning record holds Anna's and Łukasz's runs of one hosted session, in group g-sales. */
async function serverWithRecords() {
  const sessions = new Map<string, LearnerRecord[]>();
  const groupOf = (records: LearnerRecord[]): LmsRecords => ({
    groupName: "Sales, Kraków",
    trainerName: "Jan Nowak",
    records,
  });
  server = await startTestServer({
    trainerPassword: password,
    publicUrl: "https://hotseat.example.org/",
    lmsRecords: {
      session: (id) => {
        const records = sessions.get(id);
        return records && groupOf(records);
      },
      group: (id) => (id === "g-sales" ? groupOf([...sessions.values()].flat()) : undefined),
    },
  });
  const hosted = await hostSession(server.url, { scenarioId: "short-call", password });
  sessions.set(hosted.sessionId, [
    {
      learner: learner("l-anna", "Anna", { employeeId: "E-1", email: "anna@example.com" }),
      runs: [ruinedHatRun(hosted.sessionId, path, { scaledScore: 400 / 600 })],
    },
    {
      learner: learner("l-lukasz", "Łukasz"),
      runs: [ruinedHatRun(hosted.sessionId, path.slice(0, 1), { ended: false })],
    },
  ]);
  return { url: server.url, hosted, sessions };
}

describe("LMS files over HTTP", () => {
  it("serves a session's CSV to its trainer only, as UTF-8 with a BOM", async () => {
    const { url, hosted } = await serverWithRecords();
    const anonymous = await fetch(`${url}/api/sessions/${hosted.code}/lms.csv`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "join.bad-token" } });

    const res = await fetch(`${url}/api/sessions/${hosted.code}/lms.csv?token=${hosted.trainerToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`hotseat-lms-${hosted.code}.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[1]).toMatch(
      /^E-1,Anna,anna@example.com,"Sales, Kraków",The ruined hat,\d{4}-\d\d-\d\d,yes,67,/,
    );
    expect(lines[2]).toMatch(/^,Łukasz,,"Sales, Kraków",The ruined hat,.*,no,,/);
    expect(lines[1]?.endsWith(",Jan Nowak")).toBe(true);

    const badZone = await fetch(
      `${url}/api/sessions/${hosted.code}/lms.csv?token=${hosted.trainerToken}&tz=Mars/Olympus`,
    );
    expect(badZone.status).toBe(400);
  });

  it("serves a group's CSV to a trainer, and says when the group is unknown", async () => {
    const { url } = await serverWithRecords();
    expect((await fetch(`${url}/api/groups/g-sales/lms.csv`)).status).toBe(403);
    const res = await fetch(`${url}/api/groups/g-sales/lms.csv?tz=Europe/Warsaw`, {
      headers: { "x-hotseat-password": password },
    });
    expect(res.status).toBe(200);
    expect((await res.text()).split("\r\n")).toHaveLength(4);
    const unknown = await fetch(`${url}/api/groups/nobody/lms.csv`, {
      headers: { "x-hotseat-password": password },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "group.unknown" } });
  });
});

describe("a group's LRS over HTTP", () => {
  it("is set by a trainer, never answers the secret back, and receives the group's statements", async () => {
    const { url, sessions } = await serverWithRecords();
    lrs = new TestLrs();
    await lrs.start();
    const lrsUrl = `${url}/api/groups/g-sales/lrs`;
    const asTrainer = { "x-hotseat-password": password, "content-type": "application/json" };

    const put = (body: unknown, headers: Record<string, string> = asTrainer) =>
      fetch(lrsUrl, { method: "PUT", headers, body: JSON.stringify(body) });
    const config = { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret };
    expect((await put(config, { "content-type": "application/json" })).status).toBe(403);
    const bad = await put({ ...config, endpoint: "ftp://lrs.example.org/" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "message.malformed" } });

    const saved = await put(config);
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).not.toContain(lrs.secret);
    expect(lrsStatusSchema.parse(JSON.parse(text))).toEqual({
      lrs: { endpoint: lrs.endpoint, key: lrs.key },
      queued: 0,
      sent: 0,
      rejected: [],
    });

    // What the learning record's integration does after a decision: record the learner's runs.
    for (const record of [...sessions.values()].flat()) server!.xapi.record(record.learner, record.runs);
    await vi.waitFor(() => expect(lrs!.stored).toHaveLength(5), { timeout: 10_000, interval: 10 });
    expect(lrs.stored[0]).toMatchObject({
      actor: { account: { homePage: "https://hotseat.example.org", name: "l-anna" } },
      object: { id: "https://hotseat.example.org/xapi/scenarios/ruined-hat/states/review-posted" },
    });
    await vi.waitFor(
      async () => {
        const status = lrsStatusSchema.parse(await (await fetch(lrsUrl, { headers: asTrainer })).json());
        expect(status).toMatchObject({ queued: 0, sent: 5, rejected: [] });
      },
      { timeout: 10_000, interval: 20 },
    );

    const removed = await fetch(lrsUrl, { method: "DELETE", headers: asTrainer });
    expect(lrsStatusSchema.parse(await removed.json()).lrs).toBeUndefined();
  });
});
