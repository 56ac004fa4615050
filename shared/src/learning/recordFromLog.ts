import { localize } from "../scenario/localized";
import type { CompiledScenario } from "../scenario/compileScenario";
import type { RunState } from "../scenario/runState";
import { LogReplay } from "../session/logReplay";
import { libraryScenario } from "../session/scenarioLibrary";
import { compileUpload } from "../session/scenarioLibrary";
import type { ScenarioLibrary } from "../session/scenarioLibrary";
import type { SessionEvent } from "../session/sessionEvent";
import type { Decision, RunRecord, SessionContext } from "../session/sessionState";
import type { DecisionRole, LearnerDecision, LearnerRun, OpenOption } from "./learnerDecision";
import { ReachableFinder } from "./reachable";
import type { Reachable } from "./reachable";
import { ReachableTable } from "./reachableTable";
import { scoreRun } from "./learnerProfile";

/** A stored session as the record reads it: its log (with sequence numbers) and the library it pinned. */
export type LoggedSession = {
  sessionId: string;
  events: readonly { seq: number; event: SessionEvent }[];
  library: ScenarioLibrary;
  /** Scenario id → pinned version id; uploads (not pinned) are named `upload`. */
  pin: Readonly<Record<string, string>>;
  /** The language labels and feedback are kept in (else each scenario's first language). */
  locale?: string;
};

type Played = { scenario: CompiledScenario; startedAt: number; index: number };
type Open = { run: LearnerRun; runKey: string };

function compiledOf(ctx: SessionContext, library: ScenarioLibrary): CompiledScenario | undefined {
  const ref = ctx.scenario;
  if (!ref) return undefined;
  if (ref.source !== undefined) return compileUpload(ref.source).compiled;
  return libraryScenario(library, ref.id);
}

/** Who decided what in one played decision: each learner's own choice and how they made it. */
function ownChoices(d: Decision): { traineeId: string; optionId: string; role: DecisionRole }[] {
  switch (d.decidedBy) {
    case "hot-seat":
      return [
        ...(d.byId ? [{ traineeId: d.byId, optionId: d.optionId, role: "hot-seat" as const }] : []),
        ...Object.entries(d.marks).map(([traineeId, optionId]) => ({
          traineeId,
          optionId,
          role: "observer" as const,
        })),
      ];
    case "team":
      return d.byId ? [{ traineeId: d.byId, optionId: d.optionId, role: "captain" }] : [];
    case "solo":
      return d.byId ? [{ traineeId: d.byId, optionId: d.optionId, role: "solo" }] : [];
    case "majority":
    case "override":
    case "tie-draw":
    case "tie-trainer":
      // A class vote: each voter's own vote counts, whatever the class or the trainer then played.
      return Object.entries(d.votes).map(([traineeId, optionId]) => ({
        traineeId,
        optionId,
        role: "class-vote" as const,
      }));
  }
}

/**
 * Every learner's runs in one session, rebuilt from its log through the session core: each decision is
 * found where the log made a run one decision longer, with the options open just before it, and is
 * credited to every learner whose own choice it carries (votes, the seat holder's answer, observers'
 * marks, the captain's or the solo player's choice). Trainees without a learner id (anonymous play) are
 * left out. Pure: the same log and library always give the same record.
 */
export function runsFromLog(session: LoggedSession): Map<string, LearnerRun[]> {
  const learnerOf = new Map<string, string>();
  const runs = new Map<string, LearnerRun[]>();
  const open = new Map<string, Open>();
  const replay = new LogReplay(session.library);
  let played: Played | undefined;
  let index = 0;

  const closeAll = () => open.clear();

  for (const { seq, event } of session.events) {
    if (event.type === "session.joined" && event.traineeId && event.learnerId)
      learnerOf.set(event.traineeId, event.learnerId);
    const before = replay.state;
    if (!replay.apply(event)) continue;
    const state = replay.state;
    if (event.type === "trainer.start") {
      closeAll();
      const scenario = compiledOf(state.context, session.library);
      played = scenario ? { scenario, startedAt: event.at, index: index++ } : undefined;
      continue;
    }
    if (!played) continue;
    // Most events (a vote, a join) leave the runs as they were: the reducers keep the same object then.
    const runsChanged = state.context.runs !== before.context.runs;
    for (const [runKey, prev] of runsChanged ? Object.entries(before.context.runs) : []) {
      const next = state.context.runs[runKey];
      if (next && next.decisions.length === prev.decisions.length + 1 && prev.current.options.length > 0) {
        const decision = next.decisions.at(-1) as Decision;
        let moment: Moment | undefined;
        for (const own of ownChoices(decision)) {
          const learnerId = learnerOf.get(own.traineeId);
          if (learnerId === undefined) continue;
          moment ??= momentOf(played.scenario, prev);
          const made = decisionOf(session, played.scenario, moment, own, seq, event.at);
          if (made === undefined) continue;
          const key = `${learnerId}\u0000${played.index}`;
          let entry = open.get(key);
          if (!entry) {
            entry = { run: newRun(session, played, own.role), runKey };
            open.set(key, entry);
            runs.set(learnerId, [...(runs.get(learnerId) ?? []), entry.run]);
          }
          entry.run.decisions.push(made);
        }
      }
    }
    // Endings are noted when a learner's run reaches one (the moment the story ended for them).
    for (const entry of runsChanged ? open.values() : []) {
      const record: RunRecord | undefined = state.context.runs[entry.runKey];
      if (entry.run.ending === undefined && record?.ending) {
        entry.run.ending = {
          endingId: record.ending.id,
          outcome: record.ending.outcome,
          title: localize(record.ending.title, localeOf(session, played.scenario)),
        };
        entry.run.endedAt = event.at;
        entry.run.endedSeq = seq;
      }
    }
    if (state.context.past.length > before.context.past.length) {
      closeAll();
      played = undefined;
    }
  }
  replay.stop();
  for (const list of runs.values())
    for (const run of list) {
      // The run's score exactly as My practice and the trainer's pages show it, on xAPI's 0–1 scale.
      const { score } = scoreRun(run);
      if (score !== undefined) run.scaledScore = score / 100;
    }
  return runs;
}

// Searches are kept per compiled scenario (one per pinned version), so learners and sessions share them.
const finders = new WeakMap<CompiledScenario, ReachableFinder>();

/** What stays reachable after an option: a lookup in the scenario's table, else (loops) the search. */
function reachableAfter(scenario: CompiledScenario, run: RunState, optionId: string): Reachable {
  const known = ReachableTable.of(scenario)?.afterOption(run, optionId);
  if (known !== undefined) return known;
  let finder = finders.get(scenario);
  if (!finder) finders.set(scenario, (finder = new ReachableFinder(scenario)));
  return finder.afterOption(run, optionId);
}

function localeOf(session: LoggedSession, scenario: CompiledScenario): string {
  return session.locale ?? scenario.scenario.languages[0] ?? "en";
}

function newRun(session: LoggedSession, played: Played, role: DecisionRole): LearnerRun {
  const s = played.scenario.scenario;
  const run: LearnerRun = {
    sessionId: session.sessionId,
    scenarioId: s.id,
    scenarioVersion: session.pin[s.id] ?? "upload",
    scenarioTitle: localize(s.title, localeOf(session, played.scenario)),
    role,
    startedAt: played.startedAt,
    decisions: [],
  };
  if (s.persona.customerType !== undefined) run.customerType = s.persona.customerType;
  const declared = Object.entries(s.vocabulary?.tags ?? {});
  if (declared.length > 0)
    run.declaredTags = Object.fromEntries(
      declared.map(([tag, d]) => [
        tag,
        d.skill === undefined ? { kind: d.kind } : { kind: d.kind, skill: d.skill },
      ]),
    );
  return run;
}

/** The options open at one decision of a run, with what each still reaches: the same for every learner. */
type Moment = { prev: RunRecord; open: OpenOption[]; best: OpenOption; leastCost: number };

function momentOf(scenario: CompiledScenario, prev: RunRecord): Moment {
  const open = prev.current.options.map((o) => ({
    optionId: o.id,
    tags: [...o.tags],
    reachable: reachableAfter(scenario, prev.run, o.id),
  }));
  const best = open.reduce((a, b) => (b.reachable.bestMood > a.reachable.bestMood ? b : a));
  return { prev, open, best, leastCost: Math.min(...open.map((o) => o.reachable.leastCost)) };
}

function decisionOf(
  session: LoggedSession,
  scenario: CompiledScenario,
  moment: Moment,
  own: { optionId: string; role: DecisionRole },
  seq: number,
  at: number,
): LearnerDecision | undefined {
  const chosen = moment.prev.current.options.find((o) => o.id === own.optionId);
  const mine = moment.open.find((o) => o.optionId === own.optionId);
  if (chosen === undefined || mine === undefined) return undefined;
  const locale = localeOf(session, scenario);
  const s = scenario.scenario;
  const decision: LearnerDecision = {
    sessionId: session.sessionId,
    scenarioId: s.id,
    scenarioVersion: session.pin[s.id] ?? "upload",
    stateId: moment.prev.run.stateId,
    seq,
    at,
    role: own.role,
    optionId: chosen.id,
    optionLabel: localize(chosen.label, locale),
    tags: [...chosen.tags],
    effect: { mood: chosen.effects.mood, cost: chosen.effects.cost },
    // One list for everyone who decided at this moment (a class of 40 votes once): records are read, not edited.
    open: moment.open,
    comparedWithBest: {
      moodGap: moment.best.reachable.bestMood - mine.reachable.bestMood,
      costGap: mine.reachable.leastCost - moment.leastCost,
      bestOptionId: moment.best.optionId,
    },
  };
  if (s.persona.customerType !== undefined) decision.customerType = s.persona.customerType;
  if (chosen.feedback !== undefined) decision.feedback = localize(chosen.feedback, locale);
  return decision;
}
