import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import type { RunningServer } from "@hotseat/server";
import type { ProjectorView, TrainerView } from "@hotseat/shared";
import { mySessions } from "../../client/src/net/mySessions";
import { hostSession, joinTrainees, Peer, startTestServer } from "./harness";
import { ManualClock } from "./manualClock";
import { rawExchange, requestFrom } from "./rawHttp";

// Throttles refill with time; a manual clock keeps every budget exactly where the test put it.
const clock = new ManualClock();
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ clock, requestTimeoutMs: 2_000 });
});
afterAll(async () => {
  await server.stop();
});

const hostFrom = (address: string) =>
  requestFrom(address, server.port, "/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });

describe("the list of sessions (no trainer password set)", () => {
  it("is refused without credentials, and holds exactly the sessions whose trainer tokens are presented", async () => {
    const mine = await hostSession(server.url);
    const other = await hostSession(server.url);
    const third = await hostSession(server.url);

    const none = await fetch(`${server.url}/api/sessions`);
    expect(none.status).toBe(401);
    expect(JSON.stringify(await none.json())).not.toContain(mine.code);
    // A password header means nothing when no password is set: still no list.
    const guessed = await fetch(`${server.url}/api/sessions`, { headers: { "x-hotseat-password": "x" } });
    expect(guessed.status).toBe(401);

    const list = async (tokens: string[]) => {
      const res = await fetch(`${server.url}/api/sessions`, {
        headers: { authorization: `Bearer ${tokens.join(",")}` },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { sessions: { code: string; running: boolean }[] }).sessions;
    };
    expect((await list([mine.trainerToken])).map((s) => s.code)).toEqual([mine.code]);
    expect((await list([mine.trainerToken, third.trainerToken])).map((s) => s.code).sort()).toEqual(
      [mine.code, third.code].sort(),
    );
    expect(await list(["not-a-token"])).toEqual([]);
    expect((await list([other.trainerToken]))[0]).toMatchObject({ code: other.code, running: true });
  });
});

/** The browser's localStorage, as far as the home page uses it. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

it("shows the home page's 'my sessions' from the kept tokens, forgetting the ones the server does not know", async () => {
  const hosted = await hostSession(server.url);
  const storage = new MemoryStorage();
  storage.setItem(`hotseat.trainer.${hosted.code}`, hosted.trainerToken);
  storage.setItem("hotseat.trainer.QQQQQQ", "a-token-of-a-wiped-server");
  storage.setItem("hotseat.locale", "pl");
  const sessions = await mySessions(storage, server.url);
  expect(sessions.map((s) => [s.code, s.status, s.trainerToken])).toEqual([
    [hosted.code, "live", hosted.trainerToken],
  ]);
  expect(storage.getItem("hotseat.trainer.QQQQQQ")).toBeNull();
  expect(storage.getItem("hotseat.locale")).toBe("pl");
});

describe("hosting from one address", () => {
  it("refuses the 31st hosting in a minute with 429 and Retry-After, while another address still hosts", async () => {
    for (let i = 0; i < 30; i++) expect((await hostFrom("127.0.0.2")).status).toBe(201);
    const refused = await hostFrom("127.0.0.2");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "host.too-fast" } });

    expect((await hostFrom("127.0.0.3")).status).toBe(201);
    // A minute later the address hosts again.
    clock.advance(60_000);
    expect((await hostFrom("127.0.0.2")).status).toBe(201);
  });

  it("bounds the live sessions of one address, and says which limit was met", async () => {
    // 127.0.0.2 has 31 live sessions; 19 more reach the default bound of 50.
    for (let i = 0; i < 19; i++) {
      clock.advance(2_000);
      expect((await hostFrom("127.0.0.2")).status).toBe(201);
    }
    clock.advance(2_000);
    const refused = await hostFrom("127.0.0.2");
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "host.address-full" } });
    expect((await hostFrom("127.0.0.4")).status).toBe(201);
  });
});

describe("guessing join codes", () => {
  it("throttles an address trying codes, by the API and by the matchmaker, and not another address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await requestFrom("127.0.0.5", server.port, "/api/sessions/QQQQQQ")).status);
    // Ten wrong codes spend the budget; the eleventh try is refused before the lookup.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const matchmaker = await requestFrom("127.0.0.5", server.port, "/matchmake/joinById/QQQQQQ", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "projector" }),
    });
    expect(matchmaker.status).toBe(429);
    expect(Number(matchmaker.headers["retry-after"])).toBeGreaterThan(0);

    expect((await requestFrom("127.0.0.6", server.port, "/api/sessions/QQQQQQ")).status).toBe(404);
    // The matchmaker's route alone runs dry just as fast ("room not found" is 522 there).
    const joins: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await requestFrom("127.0.0.8", server.port, "/matchmake/joinById/QQQQQQ", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "projector" }),
      });
      joins.push(res.status);
    }
    expect(joins).toEqual([...Array<number>(10).fill(522), 429]);
    // One more wrong code every ten seconds.
    clock.advance(10_000);
    expect((await requestFrom("127.0.0.5", server.port, "/api/sessions/QQQQQQ")).status).toBe(404);
    expect((await requestFrom("127.0.0.5", server.port, "/api/sessions/QQQQQQ")).status).toBe(429);
  });

  it("lets a class of 30 phones behind one address join at once, with typos, and all of them again", async () => {
    const hosted = await hostSession(server.url);
    // Three phones mistype the code first.
    for (let i = 0; i < 3; i++)
      await expect(
        new Client(server.url).joinById("QQQQQQ", { role: "trainee", name: "Typo" }),
      ).rejects.toThrow();
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const projector = await Peer.join<ProjectorView>(server.url, hosted.code, { role: "projector" });
    const first = await joinTrainees(server.url, hosted.code, 30);
    await trainer.viewWhere((v) => v.roster.length === 30, "30 trainees on the roster");
    // Everyone's page reloads at once (same seats, same address).
    await Promise.all(first.map((p) => p.leave()));
    const again = await joinTrainees(server.url, hosted.code, 30);
    await trainer.viewWhere((v) => v.roster.filter((t) => t.connected).length === 30, "30 back");
    expect(trainer.view.roster).toHaveLength(30);
    await Promise.all([...again, trainer, projector].map((p) => p.leave()));
  });
});

describe("requests the API cannot read", () => {
  const post = (path: string, body: string, headers: Record<string, string>) =>
    requestFrom("127.0.0.7", server.port, path, { method: "POST", headers, body });

  it("answers 413, 400 and 415 with a JSON error, never 500", async () => {
    const json = { "content-type": "application/json" };
    const cases: [string, Record<string, string>, number, string][] = [
      [JSON.stringify({ source: "x".repeat(600_000) }), json, 413, "request.too-large"],
      ["{not json", json, 400, "request.bad-json"],
      ["null", json, 400, "request.bad-json"],
      ["{}", { "content-type": "application/json; charset=latin1" }, 415, "request.unsupported-charset"],
      ["{}", { ...json, "content-encoding": "compress" }, 415, "request.unsupported-encoding"],
      ["scenarioId=x", { "content-type": "application/x-www-form-urlencoded" }, 415, "request.not-json"],
    ];
    for (const [body, headers, status, code] of cases) {
      for (const path of ["/api/scenarios/check", "/api/sessions"]) {
        const res = await post(path, body, headers);
        expect([path, res.status], body.slice(0, 30)).toEqual([path, status]);
        expect(JSON.parse(res.body)).toMatchObject({ error: { code } });
        expect((JSON.parse(res.body) as { error: { message: string } }).error.message.length).toBeGreaterThan(
          10,
        );
      }
    }
  });

  it("answers 400 for a malformed % escape in the address", async () => {
    for (const path of ["/api/sessions/%E0%A4%A", "/api/scenarios/%ZZ", "/api/sessions/%/report.csv"]) {
      const res = await requestFrom("127.0.0.7", server.port, path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "request.bad-url" } });
    }
  });

  it("cuts off a request whose body is shorter than its Content-Length instead of waiting for ever", async () => {
    const head = (path: string) =>
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"source":`;
    for (const path of ["/api/scenarios/check", "/matchmake/joinById/QQQQQQ"]) {
      const exchange = await rawExchange(server.port, head(path));
      expect(exchange.closed, path).toBe(true);
      expect(exchange.text).toMatch(/^HTTP\/1\.1 408/);
      expect(exchange.ms).toBeLessThan(5_000);
    }
    // Headers that never end are cut off too.
    const slow = await rawExchange(server.port, "GET /api/scenarios HTTP/1.1\r\nHost: localhost\r\n");
    expect(slow.closed).toBe(true);
    expect(slow.ms).toBeLessThan(5_000);
  });
});
