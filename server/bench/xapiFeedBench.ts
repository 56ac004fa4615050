// Times what the xAPI feed costs the server during a workshop: `npx tsx server/bench/xapiFeedBench.ts`.
// 40 learners of a group play one class-vote session of the flagship scenario on a SQLite store; after
// every event that decided something, the feed rebuilds the session's records from its log (runsFromLog),
// builds the statements, validates the new ones and queues them, as the server does after each such event.
// Printed: the time per recording (median and max) and in all, and the statements queued. BENCH_SPLIT=1
// prints each recording split into rebuilding the records (runsFromLog) and the outbox's part.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applySessionEvent, createSession } from "@hotseat/shared";
import type { Actor, ClientMessage, ServerEvent } from "@hotseat/shared";
import { LearningService } from "../src/learning/LearningService";
import { ScenarioLibrary as FileLibrary } from "../src/scenarioLibrary";
import { ScenarioVersions } from "../src/sessions/ScenarioVersions";
import { asAsyncStore } from "../src/store/AsyncSessionStore";
import { SqliteSessionStore } from "../src/store/SqliteSessionStore";
import { mayHaveDecided, XapiFeed } from "../src/xapi/xapiFeed";
import { XapiOutbox } from "../src/xapi/xapiOutbox";

const learners = Number(process.env.BENCH_LEARNERS ?? 40);
const scenarioId = "ruined-hat";

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(join(tmpdir(), "hotseat-xapi-bench-"));
const store = asAsyncStore(new SqliteSessionStore(join(dir, "bench.sqlite")));
const files = await FileLibrary.fromDirectory(join(import.meta.dirname, "..", "..", "scenarios"));
const pin = await new ScenarioVersions(store).publish(files, 1);
const learning = new LearningService(store, () => 1);
const group = await learning.createGroup({
  name: "Bench group",
  openRoster: false,
  roster: Array.from({ length: learners }, (_, i) => ({ displayName: `Learner ${i}` })),
});
const sessionId = "bench-session";
await store.createSession({
  id: sessionId,
  code: "BENCH1",
  scenarioId,
  library: pin,
  trainerTokenHash: "x",
  createdAt: 1,
});
await learning.attachSession(sessionId, await learning.authorize(group.group.groupId, group.groupKey));
const library = (await new ScenarioVersions(store).resolve(pin)).library;

const outbox = new XapiOutbox(store.xapi, { origin: "https://hotseat.example.org" });
await store.xapi.setLrs(
  group.group.groupId,
  { endpoint: "https://lrs.example.org/xapi/", key: "k", secret: "s" },
  1,
);
const feed = new XapiFeed({
  learning,
  groupSessions: (groupId) => store.learning.groupSessions(groupId),
  outbox,
  store: store.xapi,
  defer: () => {},
});

const timings: number[] = [];
const random = mulberry(7);
let state = createSession(library);
let seq = 0;
let at = 1_000_000;
const send = async (m: ClientMessage | ServerEvent, by: Actor = { role: "server" }) => {
  const event = { ...m, at: (at += 1000), by };
  const outcome = applySessionEvent(state, event, library);
  if (outcome.rejection) throw new Error(`${m.type}: ${outcome.rejection.code}`);
  const before = state;
  state = outcome.state;
  await store.appendEvent(sessionId, ++seq, event, event.at);
  if (mayHaveDecided(before, state)) {
    const started = performance.now();
    const found = await learning.sessionRecords(sessionId);
    const built = performance.now();
    await feed.record(sessionId);
    timings.push(performance.now() - started);
    if (process.env.BENCH_SPLIT)
      console.log(
        `records ${(built - started).toFixed(1)} ms (${found?.records.length}), outbox ${(performance.now() - built).toFixed(1)} ms`,
      );
  }
};
await send({ type: "session.created", joinCode: "BENCH1", seed: 7 });
await send({ type: "session.joined", role: "trainer" });
for (const [i, line] of group.roster.entries())
  await send({
    type: "session.joined",
    role: "trainee",
    traineeId: `t${i}`,
    name: line.displayName,
    learnerId: line.learnerId,
  });
await send({ type: "trainer.selectScenario", scenarioId }, { role: "trainer" });
await send({ type: "trainer.start" }, { role: "trainer" });
for (let step = 0; step < 40 && !state.context.runs.main?.run.ended; step++) {
  const options = state.context.runs.main?.current.options ?? [];
  await send({ type: "trainer.openVote" }, { role: "trainer" });
  for (let i = 0; i < learners; i++) {
    const option = options[Math.floor(random() * options.length)];
    if (option)
      await send({ type: "trainee.vote", optionId: option.id }, { role: "trainee", traineeId: `t${i}` });
  }
  await send({ type: "trainer.closeVote" }, { role: "trainer" });
  if (state.context.vote?.tie) await send({ type: "trainer.breakTie", draw: true }, { role: "trainer" });
  else await send({ type: "trainer.reveal" }, { role: "trainer" });
}

const sorted = [...timings].sort((a, b) => a - b);
const total = timings.reduce((a, b) => a + b, 0);
const queued = await store.xapi.entries(group.group.groupId);
console.log(
  `${learners} learners, ${seq} log events, ${timings.length} recordings: median ` +
    `${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms, ` +
    `${total.toFixed(0)} ms in all; ${queued.length} statements queued ` +
    `(${queued.filter((e) => e.status === "rejected").length} invalid)`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
