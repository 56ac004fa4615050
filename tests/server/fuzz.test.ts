import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAsyncStore, MemorySessionStore } from "@hotseat/server";
import type { RunningServer } from "@hotseat/server";
import { clientMessageTypes, seededRandom } from "@hotseat/shared";
import type { ProjectorView, SessionEvent, TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, joinTrainees, Peer, startTestServer, until } from "./harness";

const seed = 0x5eed_2026;
const fuzzers = 5;
const messagesPerFuzzer = 1_000;

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const keys = [
  "type",
  "optionId",
  "stepIndex",
  "traineeId",
  "__proto__",
  "constructor",
  "toString",
  "name",
  "x",
];
const types = [...clientMessageTypes, "client.setLocale", "trainee.dance", "", "*", "__proto__"];

function randomString(r: Rand): string {
  const length = pick(r, [0, 1, 6, 64, 65, 500, 3_000]);
  return Array.from({ length: Math.min(length, 64) }, () => String.fromCharCode(int(r, 0x2fff)))
    .join("")
    .repeat(Math.max(1, Math.ceil(length / 64)));
}

function randomValue(r: Rand, depth: number): unknown {
  // Containers only near the top: every frame must stay under the transport's 256 KB.
  switch (int(r, depth > 2 ? 5 : 8)) {
    case 0:
      return randomString(r);
    case 1:
      return pick(r, [0, -1, 1.5, 2 ** 53, -(2 ** 31), 10_001, Number.NaN, Infinity]);
    case 2:
      return pick(r, [true, false, null]);
    case 3:
      return pick(r, ["listen", "blame", "refund", "constructor", "__proto__"]);
    case 4:
      return new Uint8Array(int(r, 64));
    case 5:
      return Array.from({ length: int(r, 5) }, () => randomValue(r, depth + 1));
    default:
      return randomObject(r, depth + 1);
  }
}

function randomObject(r: Rand, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = int(r, 6); i >= 0; i--)
    Object.defineProperty(out, pick(r, keys), {
      value: randomValue(r, depth),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  // Never a message the session could accept: a fuzzer's input must change nothing.
  out.fuzz = true;
  return out;
}

/** A data frame's header for "trainee.vote", to put hand-made payloads behind. */
const voteHeader = [13, 0xac, ...new TextEncoder().encode("trainee.vote")];

/** One hostile frame: a message of a random kind, shape and size, or raw bytes. */
function randomFrame(r: Rand, fuzzer: Peer): void {
  const room = fuzzer.room;
  const raw = (bytes: number[] | Uint8Array) => room.connection.send(new Uint8Array(bytes));
  const kind = r();
  if (kind < 0.45) room.send(pick(r, types), randomObject(r, 0));
  else if (kind < 0.55) room.send(pick(r, types), randomValue(r, 0));
  else if (kind < 0.6) room.send(pick(r, types), new Uint8Array(pick(r, [1, 1024, 2049, 200 * 1024])));
  else if (kind < 0.65) room.sendBytes(pick(r, types), new Uint8Array(pick(r, [0, 10, 3000, 200 * 1024])));
  else if (kind < 0.68)
    room.send(
      "trainee.vote",
      Object.fromEntries(Array.from({ length: pick(r, [9, 300, 20_000]) }, (_, i) => [`k${i}`, i])),
    );
  else if (kind < 0.72)
    raw([...voteHeader, ...new Array<number>(pick(r, [10, 1_000, 100_000])).fill(0x91), 0xc0]);
  else if (kind < 0.8)
    raw([
      pick(r, [13, 13, 17, 18, 21, 0, 5, 31, 255]),
      ...Array.from({ length: int(r, 40) }, () => int(r, 256)),
    ]);
  else if (kind < 0.84) raw([13, pick(r, [0xc0, 0x80, 0x90, 0x07, 0xff, 0xd9])]);
  // Long types, by hand: the SDK cannot encode a type of more than a few hundred characters.
  else if (kind < 0.86)
    raw(
      r() < 0.5
        ? [13, 0xd9, 200, ...new Array<number>(200).fill(0x78), 0x80]
        : [13, 0xda, 0x0b, 0xb8, ...new Array<number>(3000).fill(0x78)],
    );
  else if (kind < 0.92) raw([18]);
  else room.request(pick(r, types), randomObject(r, 0), { timeout: 500 }).catch(() => undefined);
}

const store = new MemorySessionStore();
const log: string[] = [];
let server: RunningServer;
beforeAll(async () => {
  // A budget above everything one connection sends here, so no message is refused for its rate (that has
  // tests of its own) and nothing needs pacing by the clock: every refusal below is for what was sent.
  server = await startTestServer({
    store: asAsyncStore(store),
    rateLimit: { burst: 5_000, perSecond: 5_000, cutOffAfterSeconds: 5 },
    log: (line) => log.push(line),
  });
});
afterAll(async () => {
  await server.stop();
});

describe("a seeded fuzz of hostile messages", () => {
  it("crashes nothing, drops nobody well-behaved, changes nothing, and votes are still fast afterwards", async () => {
    const hosted = await hostSession(server.url);
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const projector = await Peer.join<ProjectorView>(server.url, hosted.code, { role: "projector" });
    const [ana, ben] = (await joinTrainees(server.url, hosted.code, 2)) as [
      Peer<TraineeView>,
      Peer<TraineeView>,
    ];
    const hostile = await joinTrainees(server.url, hosted.code, fuzzers, 100);
    trainer.send({ type: "trainer.start" });
    trainer.send({ type: "trainer.openVote" });
    await Promise.all([ana, ben].map((t) => t.viewWhere((v) => v.can === "vote")));
    const wellBehaved = [trainer, projector, ana, ben];

    // The fuzzers send 5,000 messages between them as fast as the server reads them, while ana keeps voting.
    const sent = hostile.map(() => 0);
    const fuzzing = Promise.all(
      hostile.map(async (fuzzer, f) => {
        const r = seededRandom(seed + f);
        for (let i = 0; i < messagesPerFuzzer; i++) {
          if (fuzzer.left !== undefined) break;
          // A fuzzer the server closed (an oversized frame is closed by the transport) is resumed by the SDK.
          if (!fuzzer.room.connection.isOpen) {
            await until(() => fuzzer.room.connection.isOpen || fuzzer.left !== undefined, "the fuzzer back");
            continue;
          }
          randomFrame(r, fuzzer);
          sent[f]!++;
          // Let the bystander's votes and the server's replies interleave with the flood.
          if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const anaVotes: string[] = [];
    const vote = async (peer: Peer<TraineeView>, optionId: string): Promise<number> => {
      const t0 = performance.now();
      peer.send({ type: "trainee.vote", optionId, stepIndex: 0 });
      await until(() => peer.view.myVote === optionId, `${optionId} acknowledged`);
      return performance.now() - t0;
    };
    let done = false;
    void fuzzing.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      const optionId = anaVotes.length % 2 === 0 ? "listen" : "blame";
      await vote(ana, optionId);
      anaVotes.push(optionId);
    }
    await fuzzing;
    expect(sent.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(fuzzers * messagesPerFuzzer);
    // Every fuzzer's last message is answered (or it was closed) before the well-behaved ones go on.
    for (const fuzzer of hostile) {
      const seen = fuzzer.errors.length;
      fuzzer.send({ type: "trainee.dance" });
      await until(() => fuzzer.left !== undefined || fuzzer.errors.length > seen, "the fuzzer's last answer");
    }

    // Afterwards: ana's votes are acknowledged fast, ben's single vote counts.
    const acks: number[] = [];
    for (let i = 0; i < 50; i++) {
      const optionId = anaVotes.length % 2 === 0 ? "listen" : "blame";
      acks.push(await vote(ana, optionId));
      anaVotes.push(optionId);
    }
    await vote(ben, "refund");
    const p99 = [...acks].sort((a, b) => a - b)[Math.floor(acks.length * 0.99)]!;
    expect(p99).toBeLessThan(100);

    // Nothing crashed: the API answers, and the session's state is exactly what the well-behaved sent.
    expect((await fetch(`${server.url}/api/sessions/${hosted.code}`)).status).toBe(200);
    // No message reached the room's last-resort catch (a bug it caught instead of crashing).
    expect(log.filter((line) => /failed|could not apply/.test(line))).toEqual([]);
    for (const peer of wellBehaved) {
      expect(peer.left).toBeUndefined();
      expect(peer.dropped).toBe(0);
    }
    const view = await trainer.viewWhere((v) => v.votes[ben.view.me.id] === "refund");
    expect(view.votes).toEqual({ [ana.view.me.id]: anaVotes.at(-1), [ben.view.me.id]: "refund" });
    expect(view.phase).toBe("voting");
    expect(view.paused).toBe(false);
    expect(view.locked).toBe(false);
    // Everyone who joined is there under the name they joined with (joins were in parallel: any order).
    expect(view.roster.map((t) => `${t.name}${t.removed ? " (removed)" : ""}`).sort()).toEqual(
      ["Trainee 1", "Trainee 2", ...hostile.map((_, i) => `Trainee ${101 + i}`)].sort(),
    );
    const record = store.findByCode(hosted.code)!;
    const inputs = store
      .events(record.id)
      .map((e) => e.event as SessionEvent)
      .filter((e) => e.type !== "session.joined" && e.type !== "session.left");
    const ids = { [ana.view.me.id]: "ana", [ben.view.me.id]: "ben" };
    expect(
      inputs.map((e) => [
        e.type,
        e.by.role === "trainee" ? ids[e.by.traineeId] : e.by.role,
        "optionId" in e ? e.optionId : "",
      ]),
    ).toEqual([
      ["session.created", "server", ""],
      ["trainer.selectScenario", "server", ""],
      ["trainer.start", "trainer", ""],
      ["trainer.openVote", "trainer", ""],
      ...anaVotes.map((o) => ["trainee.vote", "ana", o]),
      ["trainee.vote", "ben", "refund"],
    ]);
  });
});
