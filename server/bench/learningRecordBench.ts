// Times a group's learning record end to end, from its logs: `npx tsx server/bench/learningRecordBench.ts`.
// 40 learners play 20 class-vote sessions of the flagship scenario (each votes at random at every step).
// The chain timed is what GET /api/groups/:id/records and the trainer's matrix do on a cold cache:
// every log → each learner's runs (`runsFromLog`) → one record per learner → every profile and the
// group's matrix (`groupMatrix`). Target (issue 11): under 200 ms. The baseline, in the same process
// and the same rounds, is JSON.parse of the same logs: what merely reading them from a store costs.
// Figures are medians and minimums of 9 rounds, wall time and this process's CPU time (the machine is
// shared; CPU time is what the chain itself spent). The first round also builds the scenario's
// reachable table (once per pinned version) and is printed apart.
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applySessionEvent, createSession, groupMatrix, runsFromLog } from "@hotseat/shared";
import type {
  Actor,
  ClientMessage,
  LearnerRecord,
  LearnerRun,
  ScenarioLibrary,
  ServerEvent,
  SessionEvent,
} from "@hotseat/shared";
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

/** The whole chain: logs → runs → records → profiles and matrix. */
function chain() {
  const runsOf = new Map<string, LearnerRun[]>();
  for (const [s, log] of logs.entries()) {
    const runs = runsFromLog({ sessionId: `s${s}`, events: log.events, library: log.library, pin: {} });
    for (const [learnerId, list] of runs) runsOf.set(learnerId, [...(runsOf.get(learnerId) ?? []), ...list]);
  }
  const records: LearnerRecord[] = [...runsOf].map(([learnerId, runs]) => ({
    learner: { learnerId, groupId: "g", displayName: learnerId },
    runs,
  }));
  const matrix = groupMatrix(records);
  const decisions = records.reduce((n, r) => n + r.runs.reduce((m, run) => m + run.decisions.length, 0), 0);
  return { rows: matrix.rows.length, decisions };
}

type Timing = { wall: number; cpu: number };
function timed(work: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const json = JSON.stringify(logs.map((l) => l.events));
let shape = { rows: 0, decisions: 0 };
const first = timed(() => (shape = chain()));
const chainRounds: Timing[] = [];
const baseRounds: Timing[] = [];
for (let r = 0; r < 9; r++) {
  chainRounds.push(timed(chain));
  baseRounds.push(timed(() => JSON.parse(json)));
}
const summary = (rounds: Timing[]) => {
  const pick = (k: keyof Timing) => rounds.map((t) => t[k]).sort((a, b) => a - b);
  const [wall, cpu] = [pick("wall"), pick("cpu")];
  return `median ${wall[4]!.toFixed(1)} ms (min ${wall[0]!.toFixed(1)}), CPU median ${cpu[4]!.toFixed(1)} ms`;
};
const wallMedian = (rounds: Timing[]) => rounds.map((t) => t.wall).sort((a, b) => a - b)[4]!;
const events = logs.reduce((n, l) => n + l.events.length, 0);
console.log(
  `${shape.rows} learners × ${sessions} sessions: ${events} log events (${(json.length / 1024).toFixed(0)} KB as JSON), ${shape.decisions} decisions`,
);
console.log(
  `first round (builds the reachable table, cold JIT): ${first.wall.toFixed(1)} ms, CPU ${first.cpu.toFixed(1)} ms`,
);
console.log(`logs → records → profiles + group matrix: ${summary(chainRounds)} — target < 200 ms`);
console.log(`baseline, JSON.parse of the same logs: ${summary(baseRounds)}`);
console.log(
  `ratio chain / baseline (medians): ${(wallMedian(chainRounds) / wallMedian(baseRounds)).toFixed(1)}`,
);
