// The learning record's aggregation at a group's scale: 40 learners × 20 sessions of decisions drawn
// from the bundled scenarios' real options and tags, turned into every learner's profile and the group's
// matrix (groupMatrix computes each profile). Target: under 200 ms. The baseline, in the same run, is a
// JSON round trip of the same records (what merely reading them from a store costs).
//   npx tsx server/bench/learningBench.ts [learners=40] [sessions=20]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { groupMatrix, loadScenario, seededRandom } from "@hotseat/shared";
import type { LearnerDecision, LearnerRecord, LearnerRun, Scenario, TagName } from "@hotseat/shared";

const learners = Number(process.argv[2] ?? 40);
const sessions = Number(process.argv[3] ?? 20);
const scenariosDir = join(import.meta.dirname, "..", "..", "scenarios");

type Decision = { stateId: string; options: { optionId: string; tags: TagName[] }[] };

/** Every state of a scenario where the trainee chooses, with each option's tags. */
function decisionsOf(scenario: Scenario): Decision[] {
  return Object.entries(scenario.machine.states).flatMap(([stateId, state]) => {
    const options = Object.entries(state.on ?? {}).map(([optionId, t]) => {
      const first = Array.isArray(t) ? t[0] : t;
      return { optionId, tags: first?.meta?.tags ?? [] };
    });
    return options.length > 1 ? [{ stateId, options }] : [];
  });
}

const library = readdirSync(scenariosDir).map((id) => {
  const text = readFileSync(join(scenariosDir, id, "scenario.yaml"), "utf8");
  const scenario = loadScenario(text, id).scenario;
  if (!scenario) throw new Error(`${id} does not load`);
  return { id, scenario, decisions: decisionsOf(scenario) };
});

const random = seededRandom(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function makeRun(sessionIndex: number, learnerIndex: number): LearnerRun {
  const { id, scenario, decisions } = library[sessionIndex % library.length]!;
  const sessionId = `session-${sessionIndex}`;
  const steps = decisions.slice(0, 8);
  const made: LearnerDecision[] = steps.map((d, i) => {
    const chosen = pick(d.options);
    return {
      sessionId,
      scenarioId: id,
      scenarioVersion: "0".repeat(64),
      customerType: scenario.persona.customerType,
      stateId: d.stateId,
      seq: i + 1,
      at: sessionIndex * 86_400_000 + i * 60_000,
      role: learnerIndex % 3 === 0 ? "hot-seat" : "class-vote",
      optionId: chosen.optionId,
      optionLabel: chosen.optionId,
      tags: chosen.tags,
      effect: { mood: Math.round(random() * 20 - 10), cost: Math.round(random() * 100) },
      open: d.options.map((o) => ({
        optionId: o.optionId,
        tags: o.tags,
        reachable: { bestMood: 80, leastCost: 0 },
      })),
      comparedWithBest: { moodGap: 0, costGap: 0, bestOptionId: d.options[0]!.optionId },
    };
  });
  return {
    sessionId,
    scenarioId: id,
    scenarioVersion: "0".repeat(64),
    scenarioTitle: id,
    customerType: scenario.persona.customerType,
    role: "class-vote",
    startedAt: sessionIndex * 86_400_000,
    decisions: made,
  };
}

const records: LearnerRecord[] = Array.from({ length: learners }, (_, l) => ({
  learner: { learnerId: `learner-${l}`, groupId: "g", displayName: `Learner ${l}` },
  runs: Array.from({ length: sessions }, (_, s) => makeRun(s, l)),
}));

function median(f: () => void, times = 9): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const decisions = records.reduce((n, r) => n + r.runs.reduce((m, run) => m + run.decisions.length, 0), 0);
const json = JSON.stringify(records);
let rows = 0;
const aggregate = median(() => (rows = groupMatrix(records).rows.length));
const baseline = median(() => void JSON.parse(json));
console.log(
  `${learners} learners × ${sessions} sessions: ${decisions} decisions, ${(json.length / 1024).toFixed(0)} KB as JSON`,
);
console.log(
  `profiles + group matrix (${rows} rows): ${aggregate.toFixed(1)} ms (median of 9; target < 200 ms)`,
);
console.log(
  `baseline, JSON.parse of the same records: ${baseline.toFixed(1)} ms — ratio ${(aggregate / baseline).toFixed(2)}`,
);
