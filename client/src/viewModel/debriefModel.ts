import type {
  BranchView,
  DecisionView,
  EndingView,
  MeterReading,
  Outcome,
  PathStepView,
} from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";
import { formatMoney } from "./money";
import { isDefence, tagBadges, tagName } from "./tagBadge";
import type { DeclaredTagTexts, TagBadge } from "./tagBadge";

/** What the debrief is built from: any role's view parts (the path steps carry their technique tags). */
export type DebriefInput = {
  path: PathStepView[];
  ending?: EndingView;
  branches?: BranchView[];
  history?: DecisionView[];
  currency: string;
  locale: string;
  /** The meters the run started with, so the chart begins at step 0. */
  startMeters?: MeterReading;
  /** In team play: each team's own path, and how its run ended. */
  teams?: {
    name: string;
    path: PathStepView[];
    outcome?: Outcome;
    endingTitle?: string;
    meters?: MeterReading;
    branches?: BranchView[];
  }[];
  best?: { labels: string[]; mood: number; cost: number };
  /** The scenario's declared tags, named in the viewer's language (ScenarioTitle.tags). */
  declaredTags?: DeclaredTagTexts;
};

/** One played step as the debrief lists it, with its techniques as badges. */
export type DebriefStep = { n: number; label: string; decidedBy: string; tags: TagBadge[] };

function stepsOf(path: PathStepView[], declared: DeclaredTagTexts): DebriefStep[] {
  return path.map((s) => ({
    n: s.stepIndex + 1,
    label: s.label,
    decidedBy: s.decidedBy,
    tags: tagBadges(s.tags, declared),
  }));
}

/** A named count, e.g. a technique and how often it was used. */
export type Count = { name: string; count: number };

/** What the debrief draws. */
export type DebriefModel = {
  steps: DebriefStep[];
  /** Each team's path, mood line and ending in team play (the class path is then empty). */
  teams: {
    name: string;
    steps: DebriefStep[];
    mood: number[];
    /** "★ Ambassador: title" or "not finished", and the team's final meters. */
    ending: string;
    outcome?: Outcome;
    summary: string;
    /** The team's branches abandoned by rewinds. */
    branches: DebriefModel["branches"];
  }[];
  chart: { mood: number[]; cost: number[]; maxCost: number; costLabel: string };
  techniques: Count[];
  defences: Count[];
  /** Each decision's votes: the counts per option in the order shown, and which of them was played. */
  votes: { step: number; label: string; split: string; counts: number[]; chosen: number }[];
  marks: { step: number; agreed: number; differed: number }[];
  branches: { fromStep: number; labels: string[]; ending?: string }[];
  ending?: { outcome: string; title: string; debrief: string; kind: Outcome };
  best?: { labels: string[]; summary: string };
};

function counts(tags: string[], pick: (tag: string) => boolean, declared: DeclaredTagTexts): Count[] {
  const map = new Map<string, number>();
  for (const tag of tags) if (pick(tag)) map.set(tag, (map.get(tag) ?? 0) + 1);
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([tag, count]) => ({ name: tagName(tag, declared), count }));
}

// The trainer's history holds every vote and mark; the wall and the phones get counts on the path steps.
function historyVotes(history: DecisionView[]): DebriefModel["votes"] {
  return history
    .filter((d) => d.tally.some((l) => l.count > 0))
    .map((d) => ({
      step: d.stepIndex + 1,
      label: d.label,
      split: d.tally.map((l) => String(l.count)).join(" / "),
      counts: d.tally.map((l) => l.count),
      chosen: d.tally.findIndex((l) => l.optionId === d.optionId),
    }));
}

function pathVotes(path: PathStepView[]): DebriefModel["votes"] {
  return path.flatMap((s) =>
    s.split
      ? [
          {
            step: s.stepIndex + 1,
            label: s.label,
            split: s.split.map((l) => String(l.count)).join(" / "),
            counts: s.split.map((l) => l.count),
            chosen: s.split.findIndex((l) => l.optionId === s.optionId),
          },
        ]
      : [],
  );
}

function historyMarks(history: DecisionView[]): DebriefModel["marks"] {
  return history
    .filter((d) => Object.keys(d.marks).length > 0)
    .map((d) => {
      const marks = Object.values(d.marks);
      const agreed = marks.filter((m) => m === d.optionId).length;
      return { step: d.stepIndex + 1, agreed, differed: marks.length - agreed };
    });
}

function pathMarks(path: PathStepView[]): DebriefModel["marks"] {
  return path.flatMap((s) => {
    if (!s.marked) return [];
    const total = s.marked.reduce((a, l) => a + l.count, 0);
    const agreed = s.marked.find((l) => l.optionId === s.optionId)?.count ?? 0;
    return [{ step: s.stepIndex + 1, agreed, differed: total - agreed }];
  });
}

function branchesOf(branches: BranchView[]): DebriefModel["branches"] {
  return branches.map((b) => ({
    fromStep: b.fromStep + 1,
    labels: b.steps.map((s) => s.label),
    ...(b.ending ? { ending: t(`outcome.${b.ending.outcome}` as MessageKey) } : {}),
  }));
}

/**
 * Builds the debrief: the path, mood and cost per step, techniques and defence mechanisms named as in
 * DOMAIN.md, the vote split and observers' marks per decision, abandoned branches and the best path.
 */
export function debriefModel(input: DebriefInput): DebriefModel {
  const teams = input.teams ?? [];
  const tags = [input.path, ...teams.map((team) => team.path)].flatMap((p) => p.flatMap((s) => s.tags));
  const start = input.startMeters?.mood ?? input.path[0]?.moodAfter ?? teams[0]?.path[0]?.moodAfter ?? 50;
  const mood = [start, ...input.path.map((s) => s.moodAfter)];
  const cost = [input.startMeters?.cost ?? 0, ...input.path.map((s) => s.costAfter)];
  const maxCost = Math.max(1, ...cost);
  const model: DebriefModel = {
    steps: stepsOf(input.path, input.declaredTags),
    teams: teams.map((team) => ({
      name: team.name,
      steps: stepsOf(team.path, input.declaredTags),
      mood: [start, ...team.path.map((s) => s.moodAfter)],
      ending: team.outcome
        ? `${t(`outcome.${team.outcome}` as MessageKey)}${team.endingTitle ? `: ${team.endingTitle}` : ""}`
        : t("debrief.unfinished"),
      ...(team.outcome ? { outcome: team.outcome } : {}),
      branches: branchesOf(team.branches ?? []),
      summary: team.meters
        ? `${t("meter.mood")} ${Math.round(team.meters.mood)} · ${t("meter.cost")} ${formatMoney(team.meters.cost, input.currency, input.locale)}`
        : "",
    })),
    chart: { mood, cost, maxCost, costLabel: formatMoney(maxCost, input.currency, input.locale) },
    techniques: counts(tags, (tag) => !isDefence(tag, input.declaredTags), input.declaredTags),
    defences: counts(tags, (tag) => isDefence(tag, input.declaredTags), input.declaredTags),
    votes: input.history ? historyVotes(input.history) : pathVotes(input.path),
    marks: input.history ? historyMarks(input.history) : pathMarks(input.path),
    branches: branchesOf(input.branches ?? []),
  };
  if (input.ending)
    model.ending = {
      outcome: t(`outcome.${input.ending.outcome}` as MessageKey),
      title: input.ending.title,
      debrief: input.ending.debrief,
      kind: input.ending.outcome,
    };
  if (input.best)
    model.best = {
      labels: input.best.labels,
      summary: `${t("meter.mood")} ${Math.round(input.best.mood)} · ${t("meter.cost")} ${formatMoney(input.best.cost, input.currency, input.locale)}`,
    };
  return model;
}
