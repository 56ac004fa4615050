import type { SessionPhase } from "../protocol/playStyle";
import type {
  BranchView,
  CustomerView,
  EndingView,
  LedgerLine,
  MeterReading,
  OptionLabel,
  PathStepView,
  ResultView,
  ScenarioMapView,
  ScenarioTitle,
  TallyLine,
  VoteStatus,
} from "../protocol/viewParts";
import { localize } from "../scenario/localized";
import { resolveLook } from "../scenario/resolveLook";
import type { Localized } from "../scenario/localized";
import { totalCost } from "../scenario/runContext";
import { costItems } from "../scenario/vocabulary";
import { currentTally } from "./playReducers";
import { mainRunKey } from "./sessionState";
import type { Decision, EndingRecord, RunRecord, SessionContext } from "./sessionState";

/** Turns the session's localized texts into one language. */
export type Translate = (text: Localized) => string;

/** The translator for a viewer: their locale, else the scenario's first language. */
export function translatorFor(ctx: SessionContext, locale?: string): Translate {
  const lang = locale ?? ctx.scenario?.languages[0] ?? "en";
  const fallback = ctx.scenario?.languages[0] ?? "en";
  return (text) => localize(text, lang, fallback);
}

/** The scenario's title line. */
export function scenarioTitleView(ctx: SessionContext, t: Translate): ScenarioTitle | undefined {
  const s = ctx.scenario;
  // Sessions stored before looks were kept get the default look of the persona's name.
  const look = s?.look ?? (s ? resolveLook({ persona: { name: s.personaName } }) : undefined);
  if (!s || !look) return undefined;
  const view: ScenarioTitle = { id: s.id, title: t(s.title), currency: s.currency, look };
  const { tags, costItems: items } = s.declared ?? {};
  if (tags)
    view.tags = Object.fromEntries(
      Object.entries(tags).map(([name, tag]) => [name, { good: tag.kind === "good", label: t(tag.label) }]),
    );
  if (items) view.costItems = Object.fromEntries(Object.entries(items).map(([id, label]) => [id, t(label)]));
  return view;
}

/** What the customer says and shows in a run now. */
export function customerView(
  ctx: SessionContext,
  record: RunRecord | undefined,
  t: Translate,
): CustomerView | undefined {
  if (!record) return undefined;
  const c = record.current;
  const view: CustomerView = { name: ctx.scenario?.personaName ?? "", line: t(c.line), emotion: c.emotion };
  if (c.narration !== undefined) view.narration = t(c.narration);
  return view;
}

/** The options of a run as labels only. */
export function optionLabels(record: RunRecord | undefined, t: Translate): OptionLabel[] {
  return (record?.current.options ?? []).map((o) => ({ id: o.id, label: t(o.label) }));
}

/** A run's meters and cost total. */
export function meterReading(record: RunRecord | undefined): MeterReading | undefined {
  if (!record) return undefined;
  return { ...record.run.meters, cost: totalCost(record.run.ledger) };
}

/**
 * The meters a run started with (cost 0). Sessions stored before the scenario kept them fall back to the
 * run's meters while nothing has been played yet.
 */
export function startMeterReading(
  ctx: SessionContext,
  record: RunRecord | undefined,
): MeterReading | undefined {
  const start = ctx.scenario?.startMeters ?? (record?.decisions.length === 0 ? record.run.meters : undefined);
  return start ? { ...start, cost: 0 } : undefined;
}

/** The run's ledger, item by item, in vocabulary order, then the scenario's declared items. */
export function ledgerLines(record: RunRecord | undefined): LedgerLine[] {
  const ledger = record?.run.ledger ?? {};
  const builtIn = new Set<string>(costItems);
  const items = [...costItems, ...Object.keys(ledger).filter((item) => !builtIn.has(item))];
  return items.flatMap((item) => {
    const amount = ledger[item];
    return amount === undefined || amount === 0 ? [] : [{ item, amount }];
  });
}

/** An ending in one language. */
export function endingView(ending: EndingRecord | undefined, t: Translate): EndingView | undefined {
  if (!ending) return undefined;
  return { id: ending.id, outcome: ending.outcome, title: t(ending.title), debrief: t(ending.debrief) };
}

/** The last decision of a run as a revealed result. */
export function resultView(decision: Decision | undefined, t: Translate): ResultView | undefined {
  if (!decision) return undefined;
  const view: ResultView = {
    stepIndex: decision.stepIndex,
    optionId: decision.optionId,
    label: t(decision.label),
    tags: decision.tags,
    decidedBy: decision.decidedBy,
  };
  if (decision.feedback !== undefined) view.feedback = t(decision.feedback);
  return view;
}

/** Whether the phase shows the last decision's result (after a reveal, at the ending and the debrief, always in teams). */
export function showsResult(ctx: SessionContext, phase: SessionPhase): boolean {
  return (
    phase === "revealed" ||
    phase === "ending" ||
    phase === "debrief" ||
    (ctx.style === "teams" && phase !== "lobby")
  );
}

/**
 * Whether the phase shows the ending a run reached: only from the ending's own moment on, so the last
 * decision is revealed like any other first (the trainer, who sees every effect, is told in advance).
 */
export function showsEnding(phase: SessionPhase): boolean {
  return phase === "ending" || phase === "debrief";
}

/** Decisions as debrief path steps, with how the class voted and what observers marked: counts, never who. */
export function pathView(decisions: readonly Decision[], t: Translate): PathStepView[] {
  return decisions.map((d) => {
    const step: PathStepView = {
      stepIndex: d.stepIndex,
      optionId: d.optionId,
      label: t(d.label),
      decidedBy: d.decidedBy,
      tags: d.tags,
      moodAfter: d.meters.mood,
      costAfter: d.cost,
    };
    if (d.from !== undefined) step.from = d.from;
    if (d.to !== undefined) step.to = d.to;
    const split = tallyLines(d.tally);
    if (split.some((line) => line.count > 0)) step.split = split;
    const marks = Object.values(d.marks);
    if (marks.length > 0) {
      // The option played first, then the others the observers picked, most picked first.
      const ids = [...new Set([d.optionId, ...marks])];
      const count = (id: string) => marks.filter((m) => m === id).length;
      step.marked = ids
        .map((optionId) => ({ optionId, count: count(optionId) }))
        .sort(
          (a, b) =>
            Number(b.optionId === d.optionId) - Number(a.optionId === d.optionId) || b.count - a.count,
        );
    }
    return step;
  });
}

/** The branches abandoned by rewinds. */
export function branchViews(record: RunRecord | undefined, t: Translate): BranchView[] {
  return (record?.branches ?? []).map((b) => {
    const view: BranchView = { fromStep: b.fromStep, steps: pathView(b.decisions, t) };
    const ending = endingView(b.ending, t);
    if (ending) view.ending = ending;
    return view;
  });
}

/** A tally as lines in option order. */
export function tallyLines(tally: Record<string, number>): TallyLine[] {
  return Object.entries(tally).map(([optionId, count]) => ({ optionId, count }));
}

/** The class vote's status. */
export function voteStatus(ctx: SessionContext): VoteStatus {
  const vote = ctx.vote;
  const status: VoteStatus = { open: vote?.open ?? false };
  if (vote?.deadline !== undefined) status.deadline = vote.deadline;
  if (vote?.remainingMs !== undefined) status.remainingMs = vote.remainingMs;
  return status;
}

/** The tally to show: the live vote's, else (after a reveal) the one behind the last decision. */
export function visibleTally(ctx: SessionContext, phase: SessionPhase): Record<string, number> {
  if (ctx.vote) return currentTally(ctx);
  const last = ctx.runs[mainRunKey]?.decisions.at(-1);
  return showsResult(ctx, phase) && last ? last.tally : {};
}

/** What every role shows of a run; a key is absent when there is nothing to show. */
export type RunDisplay = {
  customer?: CustomerView;
  result?: ResultView;
  meters?: MeterReading;
  startMeters?: MeterReading;
  ending?: EndingView;
  map?: ScenarioMapView;
};

/**
 * The customer now, the last result once it is shown, the meters and where they started (from
 * `startFrom`, which defaults to the run itself), the ending once its moment has come, and at the
 * debrief the scenario's map.
 */
export function runDisplay(
  ctx: SessionContext,
  phase: SessionPhase,
  record: RunRecord | undefined,
  t: Translate,
  startFrom: RunRecord | undefined = record,
): RunDisplay {
  const out: RunDisplay = {};
  const customer = customerView(ctx, record, t);
  if (customer) out.customer = customer;
  const result = showsResult(ctx, phase) ? resultView(record?.decisions.at(-1), t) : undefined;
  if (result) out.result = result;
  const meters = meterReading(record);
  if (meters) out.meters = meters;
  const start = startMeterReading(ctx, startFrom);
  if (start) out.startMeters = start;
  const ending = showsEnding(phase) ? endingView(record?.ending, t) : undefined;
  if (ending) out.ending = ending;
  if (phase === "debrief" && ctx.scenario?.map) out.map = ctx.scenario.map;
  return out;
}
