import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TraineeView } from "@hotseat/shared";
import { classInVote, joinTrainees, startTestServer, until } from "./harness";
import type { Peer } from "./harness";

// Colyseus's protocol codes (first byte of a frame) for the frames sent raw here.
const ROOM_DATA = 13;
const PING = 18;
const ROOM_RESPONSE = 22;

let server: RunningServer;
const log: string[] = [];
beforeAll(async () => {
  server = await startTestServer({
    rateLimit: { burst: 20, perSecond: 20, cutOffAfterSeconds: 2 },
    log: (line) => log.push(line),
  });
});
afterAll(async () => {
  await server.stop();
});

/** A data frame by hand: `{ optionId: [[[…"listen"…]]], stepIndex: 0 }` nested `depth` deep (too deep for msgpackr to pack). */
function nestedFrame(type: string, depth: number): Uint8Array {
  const text = (s: string) => [0xa0 | s.length, ...new TextEncoder().encode(s)];
  const typeBytes = new TextEncoder().encode(type);
  return new Uint8Array([
    ROOM_DATA,
    0xd9,
    typeBytes.length,
    ...typeBytes,
    0x82,
    ...text("optionId"),
    ...new Array<number>(depth).fill(0x91),
    ...text("listen"),
    ...text("stepIndex"),
    0,
  ]);
}

/** The bytes the SDK would put on the wire for `send`, captured instead of sent. */
function frameOf(peer: Peer, send: () => void): Uint8Array {
  const connection = peer.room.connection as { send: (data: Uint8Array) => void };
  const original = connection.send;
  let frame = new Uint8Array();
  connection.send = (data) => (frame = new Uint8Array(data));
  try {
    send();
  } finally {
    connection.send = original;
  }
  return frame;
}

/** Counts the frames of one protocol code a peer receives, read off its socket before the SDK sees them. */
function countFrames(peer: Peer, code: number): { count: number } {
  const counter = { count: 0 };
  const events = peer.room.connection.events as { onmessage?: (ev: { data: ArrayBuffer }) => void };
  const original = events.onmessage;
  events.onmessage = (ev) => {
    if (new Uint8Array(ev.data)[0] === code) counter.count++;
    original?.(ev);
  };
  return counter;
}

/** A bystander votes every 100 ms for `ms` and times each vote until its own view shows it. */
async function bystanderVotes(bystander: Peer<TraineeView>, ms: number): Promise<number[]> {
  const acks: number[] = [];
  const options = ["listen", "blame"];
  const end = performance.now() + ms;
  for (let i = 0; performance.now() < end; i++) {
    const optionId = options[i % 2]!;
    const t0 = performance.now();
    bystander.send({ type: "trainee.vote", optionId, stepIndex: 0 });
    await until(() => bystander.view.myVote === optionId, "the bystander's vote");
    acks.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, Math.max(0, t0 + 100 - performance.now())));
  }
  return acks;
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;

describe("hostile frames cost little and get small answers", () => {
  it("refuses binary payloads, 20,000-key objects and deep nesting before parsing, at the rate limit", async () => {
    const { trainer, trainees } = await classInVote(server.url, 2);
    const [attacker, bystander] = trainees as [Peer<TraineeView>, Peer<TraineeView>];
    const before = JSON.stringify(trainer.view);
    const binary = new Uint8Array(200 * 1024).fill(7);
    const manyKeys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    // Encoded once up front: this process runs the server too, and only the server's cost is of interest.
    const hostile = [
      frameOf(attacker, () => attacker.room.send("trainee.vote", binary)),
      frameOf(attacker, () => attacker.room.sendBytes("trainee.vote", binary)),
      frameOf(attacker, () => attacker.room.send("trainee.vote", manyKeys)),
      nestedFrame("trainee.vote", 1_500),
      nestedFrame("trainee.vote", 200_000),
      frameOf(attacker, () =>
        attacker.room.send("trainee.vote", { [`${"k".repeat(300)}`]: 1, optionId: "listen" }),
      ),
      frameOf(attacker, () => attacker.room.send("trainee.vote", new Date())),
    ];
    const quiet = await bystanderVotes(bystander, 2_000);
    // 19 a second, just under the limit, while the bystander votes.
    let sent = 0;
    const timer = setInterval(
      () => attacker.room.connection.send(hostile[sent++ % hostile.length]!),
      1000 / 19,
    );
    let acks: number[];
    try {
      acks = await bystanderVotes(bystander, 3_000);
    } finally {
      clearInterval(timer);
    }
    await until(() => attacker.errors.length >= sent, "an answer to every hostile message");
    expect(attacker.errors.every((e) => e.code === "message.malformed")).toBe(true);
    // Every answer is one short sentence, whatever the message carried.
    expect(Math.max(...attacker.errors.map((e) => e.message.length))).toBeLessThanOrEqual(200);
    // Before, each such message took 140-270 ms of the event loop and votes waited seconds. Under 100 ms,
    // or (on a machine busy with other work) no worse than twice the same bystander's quiet p99.
    expect(p99(acks)).toBeLessThan(Math.max(100, 2 * p99(quiet)));
    expect(attacker.left).toBeUndefined();
    expect(attacker.dropped).toBe(0);
    // Nothing the attacker sent counted, and the bystander's last vote did.
    const after = await trainer.viewWhere((v) => v.votes[bystander.view.me.id] === bystander.view.myVote);
    expect(after.votes[attacker.view.me.id]).toBeUndefined();
    expect((JSON.parse(before) as { roster: unknown }).roster).toEqual(after.roster);
  });

  it("refuses the trainer's large upload frame that nests too deep to decode, and keeps the trainer", async () => {
    const { trainer } = await classInVote(server.url, 1);
    trainer.room.connection.send(nestedFrame("trainer.selectScenario", 200_000));
    await trainer.errorWith("message.malformed");
    trainer.send({ type: "trainer.pause" });
    await trainer.viewWhere((v) => v.paused);
    expect(trainer.left).toBeUndefined();
    expect(trainer.dropped).toBe(0);
  });

  it("answers a frame whose type is nil, a map or a number with an error, without a stack trace", async () => {
    const { trainees } = await classInVote(server.url, 1);
    const [ana] = trainees as [Peer<TraineeView>];
    const seen = log.length;
    const frames: [number[], string][] = [
      [[ROOM_DATA, 0xc0], "message.malformed"],
      [[ROOM_DATA, 0xc0, 0x80], "message.malformed"],
      [[ROOM_DATA, 0x80], "message.malformed"],
      [[ROOM_DATA, 0x81, 0xa1, 0x61, 0x01, 0x80], "message.malformed"],
      [[ROOM_DATA, 0x07, 0x80], "message.malformed"],
      [[ROOM_DATA], "message.malformed"],
      // A payload that does not decode.
      [[ROOM_DATA, 0xac, ...new TextEncoder().encode("trainee.vote"), 0x81], "message.malformed"],
      // A type string cut short is read as far as it goes: a type nobody knows.
      [[ROOM_DATA, 0xa5, 0x68, 0x65], "message.unknown"],
    ];
    for (const [frame, code] of frames) {
      const errors = ana.errors.length;
      ana.room.connection.send(new Uint8Array(frame));
      await until(() => ana.errors.length > errors, `an answer to [${frame.join(",")}]`);
      expect(ana.errors.at(-1)?.code).toBe(code);
    }
    expect(log.slice(seen).filter((l) => /failed|Error|at /.test(l))).toEqual([]);
    ana.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    await ana.viewWhere((v) => v.myVote === "listen");
    expect(ana.left).toBeUndefined();
  });

  it("counts pings and requests against the same budget as messages, and cuts off a ping flood", async () => {
    const { trainees } = await classInVote(server.url, 2);
    const [pinger, bystander] = trainees as [Peer<TraineeView>, Peer<TraineeView>];
    const pongs = countFrames(pinger, PING);
    for (let i = 0; i < 300; i++) pinger.room.connection.send(new Uint8Array([PING]));
    await pinger.errorWith("rate.limited");
    // The burst of 20 (and what refilled meanwhile) is answered; the rest is not.
    expect(pongs.count).toBeGreaterThan(0);
    expect(pongs.count).toBeLessThan(40);

    const requester = (await joinTrainees(server.url, trainees[0]!.welcome!.code, 1, 10))[0]!;
    const responses = countFrames(requester, ROOM_RESPONSE);
    const answered = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        requester.room.request("trainee.vote", { optionId: "listen" }, { timeout: 1_500 }),
      ),
    );
    // A request is no way in: the few within budget get a small "no" and change nothing.
    expect(responses.count).toBeGreaterThan(0);
    expect(responses.count).toBeLessThan(40);
    expect(answered.every((a) => a.status === "rejected")).toBe(true);
    expect(requester.view.myVote).toBeUndefined();

    // Keep pinging: after two seconds of sustained flooding the connection is closed.
    const flood = setInterval(() => {
      for (let i = 0; i < 50; i++) pinger.room.connection.send(new Uint8Array([PING]));
    }, 20);
    try {
      await until(() => pinger.left !== undefined, "the ping flooder to be cut off", 10_000);
    } finally {
      clearInterval(flood);
    }
    expect(pinger.left).toBe(4100);
    bystander.send({ type: "trainee.vote", optionId: "blame", stepIndex: 0 });
    await bystander.viewWhere((v) => v.myVote === "blame");
    expect(bystander.left).toBeUndefined();
  });
});
