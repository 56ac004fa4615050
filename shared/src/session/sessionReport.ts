import { allRunsEnded } from "./playReducers";
import type { PlayStyle } from "../protocol/playStyle";
import type {
  ReportInput,
  ReportRun,
  ReportScenario,
  ReportStep,
  SessionReport,
} from "../protocol/sessionReportSchema";
import { translatorFor } from "./projectionParts";
import type { Translate } from "./projectionParts";
import { phaseOf } from "./sessionPhase";
import type { Decision, RunRecord, ScenarioRef, SessionContext, SessionState } from "./sessionState";

// The report's shape is its schema's (an HTTP body, and what the store keeps): the types are inferred there.
export type { ReportInput, ReportRun, ReportScenario, ReportStep, SessionReport };

function reportStep(ctx: SessionContext, d: Decision, t: Translate): ReportStep {
  const name = (id: string) => ctx.trainees.find((x) => x.id === id)?.name ?? id;
  const inputs: ReportInput[] = [
    ...Object.entries(d.votes).map(([id, optionId]) => ({
      traineeId: id,
      name: name(id),
      kind: "vote" as const,
      optionId,
    })),
    ...Object.entries(d.marks).map(([id, optionId]) => ({
      traineeId: id,
      name: name(id),
      kind: "mark" as const,
      optionId,
    })),
  ];
  if (d.byId !== undefined)
    inputs.push({ traineeId: d.byId, name: name(d.byId), kind: "choice", optionId: d.optionId });
  return {
    stepIndex: d.stepIndex,
    optionId: d.optionId,
    label: t(d.label),
    decidedBy: d.decidedBy,
    at: d.at,
    meters: d.meters,
    cost: d.cost,
    tally: d.tally,
    inputs,
  };
}

function reportRuns(ctx: SessionContext, runs: Record<string, RunRecord>, t: Translate): ReportRun[] {
  return Object.entries(runs).map(([key, r]) => {
    const run: ReportRun = {
      key,
      path: r.decisions.map((d) => reportStep(ctx, d, t)),
      branches: r.branches.map((b) => ({
        fromStep: b.fromStep,
        steps: b.decisions.map((d) => reportStep(ctx, d, t)),
        ...(b.ending ? { ending: { id: b.ending.id, outcome: b.ending.outcome } } : {}),
      })),
    };
    const team = ctx.teams.find((x) => x.id === key);
    if (team) run.team = team.name;
    if (r.ending) run.ending = { id: r.ending.id, outcome: r.ending.outcome };
    return run;
  });
}

/** The session report, from the state alone (the scenarios' texts are kept in the state). */
export function sessionReport(state: SessionState, locale?: string): SessionReport {
  const ctx = state.context;
  const scenarioOf = (
    ref: ScenarioRef,
    style: PlayStyle,
    status: ReportScenario["status"],
    runs: Record<string, RunRecord>,
  ) => {
    const t = translatorFor({ ...ctx, scenario: ref }, locale);
    return {
      scenarioId: ref.id,
      title: t(ref.title),
      uploaded: ref.source !== undefined,
      style,
      status,
      runs: reportRuns(ctx, runs, t),
    };
  };
  const scenarios = ctx.past.map((p) => scenarioOf(p.scenario, p.style, p.endedBy, p.runs));
  if (ctx.scenario && Object.keys(ctx.runs).length > 0) {
    // A run that reached its ending is finished, whether or not the trainer has moved on to the debrief yet.
    const status = phaseOf(state) === "debrief" || allRunsEnded(ctx) ? "debrief" : "in-progress";
    scenarios.push(scenarioOf(ctx.scenario, ctx.style, status, ctx.runs));
  }
  const choices = scenarios.flatMap((s) =>
    s.runs.flatMap((run) =>
      run.path.flatMap((step) =>
        step.inputs.map((input) => ({
          traineeId: input.traineeId,
          name: input.name,
          scenarioId: s.scenarioId,
          run: run.key,
          stepIndex: step.stepIndex,
          kind: input.kind,
          optionId: input.optionId,
          played: input.optionId === step.optionId,
        })),
      ),
    ),
  );
  return {
    joinCode: ctx.joinCode,
    trainees: [...ctx.trainees]
      .sort((a, b) => a.seq - b.seq)
      .map((x) => ({
        id: x.id,
        name: x.name,
        removed: x.removed,
        ...(x.teamId ? { teamId: x.teamId } : {}),
      })),
    scenarios,
    choices,
  };
}
