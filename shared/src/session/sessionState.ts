import type { StateValue } from "xstate";
import type { PlayStyle } from "../protocol/playStyle";
import type { DecidedBy } from "../protocol/viewParts";
import type { Localized } from "../scenario/localized";
import type { ResolvedLook } from "../scenario/personaLook";
import type { BestPathRef } from "./bestPath";
import type { RunMeters, RunOption, RunState } from "../scenario/runState";
import type { DeclaredTagRef, TagName } from "../scenario/declaredVocabulary";
import type { Emotion, Outcome } from "../scenario/vocabulary";

/** A trainee on the roster; `seq` is the join order, used for rotation and round-robin teams. */
export type Trainee = {
  id: string;
  name: string;
  seq: number;
  teamId?: string;
  connected: boolean;
  removed: boolean;
};

/** A team of trainees with its own run. */
export type Team = { id: string; name: string };

/** What the run shows now, copied from the scenario so views and reports need no library. */
export type StepDisplay = {
  stateId: string;
  line: Localized;
  emotion: Emotion;
  narration?: Localized;
  options: RunOption[];
};

/** A decision that was played, with the vote or marks behind it. */
export type Decision = {
  stepIndex: number;
  optionId: string;
  label: Localized;
  feedback?: Localized;
  tags: TagName[];
  decidedBy: DecidedBy;
  /** The trainee who chose (hot seat, team captain, solo). */
  byId?: string;
  /** The states the choice led from and to (after any automatic checks), to draw it on the map. */
  from?: string;
  to?: string;
  tally: Record<string, number>;
  votes: Record<string, string>;
  marks: Record<string, string>;
  /** The labels of the options the hot-seat observers marked, so the wall can show how the room would have answered. */
  markedLabels?: Record<string, Localized>;
  at: number;
  meters: RunMeters;
  cost: number;
};

/** How a run ended, copied from the scenario. */
export type EndingRecord = { id: string; outcome: Outcome; title: Localized; debrief: Localized };

/** Decisions abandoned by a rewind, kept for the debrief. */
export type Branch = { fromStep: number; decisions: Decision[]; ending?: EndingRecord; at: number };

/** One run of the scenario (the class's, or one team's) with its history. */
export type RunRecord = {
  run: RunState;
  current: StepDisplay;
  /** The step the last decision was taken at, so each trainee can read the feedback on their own choice. */
  previous?: StepDisplay;
  decisions: Decision[];
  branches: Branch[];
  ending?: EndingRecord;
  /** Hot-seat observers' secret marks for the current step: traineeId → optionId. */
  marks: Record<string, string>;
};

/** The class vote of the current step. */
export type Vote = {
  stepIndex: number;
  open: boolean;
  votes: Record<string, string>;
  deadline?: number;
  remainingMs?: number;
  /** Options tied for the lead once the vote closed. */
  tie?: string[];
};

/** The shape of a scenario, without its words: enough to draw the path taken on its map at the debrief. */
export type ScenarioSkeleton = {
  start: string;
  /** States by distance from the start (`depth`); endings are `final`, with their outcome. */
  nodes: { id: string; depth: number; final: boolean; outcome?: Outcome }[];
  /** Where a state can lead, one edge per pair of states (options and automatic checks alike). */
  edges: { from: string; to: string }[];
};

/** The selected scenario; `source` is kept for uploaded ones so a replay can compile them again. */
export type ScenarioRef = {
  id: string;
  title: Localized;
  currency: string;
  personaName: string;
  /** How the persona looks, every field decided (absent in sessions stored before it). */
  look?: ResolvedLook;
  languages: string[];
  /** The meters every run starts with, so charts can begin at step 0 (absent in sessions stored before it). */
  startMeters?: RunMeters;
  /** Its map's shape, for the debrief (absent in sessions stored before it). */
  map?: ScenarioSkeleton;
  /** Its best path by final mood, for the debrief's comparison (absent when it has none). */
  best?: BestPathRef;
  /** The scenario's declared tags and cost items (absent when it declares none). */
  declared?: { tags?: Record<string, DeclaredTagRef>; costItems?: Record<string, Localized> };
  source?: string;
};

/** A scenario played earlier in the session, kept for the report. */
export type PastScenario = {
  scenario: ScenarioRef;
  style: PlayStyle;
  runs: Record<string, RunRecord>;
  endedBy: "debrief" | "skip";
  at: number;
};

/** Everything the session machine knows; plain JSON. */
export type SessionContext = {
  joinCode: string;
  /** The PRNG state for tie draws (mulberry32), advanced by every draw. */
  seed: number;
  locked: boolean;
  paused: boolean;
  style: PlayStyle;
  trainerJoined: boolean;
  trainerConnected: boolean;
  projectors: number;
  trainees: Trainee[];
  nextSeq: number;
  teams: Team[];
  seatHolderId?: string;
  scenario?: ScenarioRef;
  /** Runs by key: `main` for class vote, hot seat and solo; the team id for teams. */
  runs: Record<string, RunRecord>;
  vote?: Vote;
  past: PastScenario[];
  /** The trainer hid the arriving names from the wall's lobby (absent: shown). */
  namesHidden?: boolean;
  /** The debrief page the trainer shows on the wall (0 = the first), set at every debrief. */
  debriefPage?: number;
  /** Whether the wall plays the reveal's sound cues (absent: off). */
  sound?: boolean;
  /** When the trainer last skipped the wall's reveal animation (server ms): a reveal decided before it is shown whole. */
  revealSkippedAt?: number;
};

/** A session's whole state: the machine's state value and its context, both plain JSON. */
export type SessionState = { value: StateValue; context: SessionContext };

/** The run key of the class's single run. */
export const mainRunKey = "main";
