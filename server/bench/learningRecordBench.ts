// Times the learning record of a group from its logs: `npx tsx server/bench/learningRecordBench.ts`.
// 40 learners play 20 class-vote sessions of the flagship scenario (each votes at random at every step);
// the figure is the time to rebuild every learner's runs from the 20 logs (`runsFromLog`, no cache), as
// GET /api/groups/:id/records does on a cold server. Target (issue 11): under 200 ms.
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applySessionEvent, createSession, runsFromLog } from "@hotseat/shared";
import type { ClientMessage, ScenarioLibrary, ServerEvent, SessionEvent, Actor } from "@hotseat/shared";
import { ScenarioLibrary as FileLibrary } from "../src/scenarioLibrary";

const learners = 40;
const sessions = Number(process.env.BENCH_SESSIONS ?? 20);
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

function playSession(library: ScenarioLibrary, seed: number): SessionEvent[] {
  const random = mulberry(seed);
  let state = createSession(library);
  const log: SessionEvent[] = [];
  let at = 1_000_000 + seed * 10_000_000;
  const send = (m: ClientMessage | ServerEvent, by: Actor = { role: "server" }) => {
    const event = { ...m, at: (at += 1000), by };
    const outcome = applySessionEvent(state, event, library);
    if (outcome.rejection) throw new Error(`${m.type}: ${outcome.rejection.code}`);
    state = outcome.state;
    log.push(event);
  };
  send({ type: "session.created", joinCode: "BENCH1", seed });
  send({ type: "session.joined", role: "trainer" });
  for (let i = 0; i < learners; i++)
    send({ type: "session.joined", role: "trainee", traineeId: `t${i}`, name: `L ${i}`, learnerId: `L${i}` });
  send({ type: "trainer.selectScenario", scenarioId }, { role: "trainer" });
  send({ type: "trainer.start" }, { role: "trainer" });
  for (let step = 0; step < 40 && !state.context.runs.main?.run.ended; step++) {
    const options = state.context.runs.main?.current.options ?? [];
    send({ type: "trainer.openVote" }, { role: "trainer" });
    for (let i = 0; i < learners; i++) {
      const option = options[Math.floor(random() * options.length)];
      if (option)
        send({ type: "trainee.vote", optionId: option.id }, { role: "trainee", traineeId: `t${i}` });
    }
    send({ type: "trainer.closeVote" }, { role: "trainer" });
    if (state.context.vote?.tie) send({ type: "trainer.breakTie", draw: true }, { role: "trainer" });
    else send({ type: "trainer.reveal" }, { role: "trainer" });
  }
  return log;
}

const files = await FileLibrary.fromDirectory(join(import.meta.dirname, "..", "..", "scenarios"));
const compiled = files.compiled(scenarioId);
if (!compiled) throw new Error(`no playable ${scenarioId}`);
const logs = Array.from({ length: sessions }, (_, s) => {
  // A fresh library object per session, as each stored session resolves its own pin.
  const library: ScenarioLibrary = { [scenarioId]: compiled };
  return { library, events: playSession(library, s + 1).map((event, i) => ({ seq: i + 1, event })) };
});
const decisions = () => {
  const started = performance.now();
  let count = 0;
  const perLearner = new Map<string, number>();
  for (const [s, log] of logs.entries()) {
    const runs = runsFromLog({ sessionId: `s${s}`, events: log.events, library: log.library, pin: {} });
    for (const [learner, list] of runs) {
      const n = list.reduce((sum, r) => sum + r.decisions.length, 0);
      count += n;
      perLearner.set(learner, (perLearner.get(learner) ?? 0) + list.length);
    }
  }
  return { ms: performance.now() - started, count, learners: perLearner.size };
};
decisions(); // warm-up: JIT and the scenario's machine
const runs = Array.from({ length: 5 }, decisions);
const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
console.log(
  `${runs[0]?.learners} learners × ${sessions} sessions, ${runs[0]?.count} decisions, ` +
    `${logs.reduce((n, l) => n + l.events.length, 0)} log events: median ${sorted[2]?.toFixed(1)} ms ` +
    `(min ${sorted[0]?.toFixed(1)}, max ${sorted[4]?.toFixed(1)}) to rebuild every record from the logs`,
);
