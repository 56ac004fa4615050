import { assertEvent, assign, setup } from "xstate";
import * as play from "./playReducers";
import * as roster from "./rosterReducers";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { SessionEvent } from "./sessionEvent";
import type { SessionContext } from "./sessionState";

/** The machine's context: the session data as one value, so reducers can drop optional keys. */
export type MachineContext = { data: SessionContext };

type Of<T extends SessionEvent["type"]> = Extract<SessionEvent, { type: T }>;

// XState's assign merges into the old context, which could never remove a key; replacing `data`
// whole lets each reducer return exactly the next session.
function update<T extends SessionEvent["type"]>(
  type: T,
  reduce: (ctx: SessionContext, e: Of<T>) => SessionContext,
) {
  return assign<MachineContext, SessionEvent, undefined, SessionEvent, never>(({ context, event }) => {
    assertEvent(event, type);
    return { data: reduce(context.data, event as unknown as Of<T>) };
  });
}

function updateAny(reduce: (ctx: SessionContext, e: SessionEvent) => SessionContext) {
  return assign<MachineContext, SessionEvent, undefined, SessionEvent, never>(({ context, event }) => ({
    data: reduce(context.data, event),
  }));
}

/**
 * Builds the session machine for a scenario library. Transitions only pick the next phase and name
 * the action; the rules (who may, what is valid) are checked before by `checkSessionEvent`, which
 * can say why, and the actions are the pure reducers of playReducers/rosterReducers.
 */
export function createSessionMachine(library: ScenarioLibrary) {
  return setup({
    types: { context: {} as MachineContext, events: {} as SessionEvent, input: {} as MachineContext },
    actions: {
      created: update("session.created", roster.created),
      reseeded: update("session.seed", (ctx, e) => ({ ...ctx, seed: e.seed })),
      joined: update("session.joined", roster.joined),
      left: update("session.left", roster.left),
      locked: update("trainer.lock", (ctx) => ({ ...ctx, locked: true })),
      unlocked: update("trainer.unlock", (ctx) => ({ ...ctx, locked: false })),
      soundSet: update("trainer.setSound", (ctx, e) => ({ ...ctx, sound: e.on })),
      revealSkipped: update("trainer.skipReveal", (ctx, e) => ({ ...ctx, revealSkippedAt: e.at })),
      removed: update("trainer.remove", roster.removed),
      readmitted: update("trainer.readmit", roster.readmitted),
      renamed: update("trainer.rename", roster.renamed),
      namesShown: update("trainer.showNames", (ctx, e) => ({ ...ctx, namesHidden: !e.show })),
      seatPassed: update("trainer.passSeat", roster.seatPassed),
      scenarioSelected: update("trainer.selectScenario", (ctx, e) => play.scenarioSelected(ctx, e, library)),
      styleSet: update("trainer.setStyle", (ctx, e) => ({ ...ctx, style: e.style })),
      teamsSplit: update("trainer.splitTeams", play.teamsSplit),
      teamPicked: update("trainee.pickTeam", play.teamPicked),
      runsStarted: update("trainer.start", (ctx) => play.runsStarted(ctx, library)),
      voteOpened: update("trainer.openVote", play.voteOpened),
      voteCast: update("trainee.vote", play.voteCast),
      voteClosed: updateAny((ctx) => play.voteClosed(ctx)),
      majorityPlayed: updateAny((ctx, e) => play.majorityPlayed(ctx, e.at, library)),
      tieBroken: update("trainer.breakTie", (ctx, e) => play.tieBroken(ctx, e, library)),
      overridden: update("trainer.override", (ctx, e) => play.overridden(ctx, e, library)),
      chosen: update("trainee.choose", (ctx, e) => play.chosen(ctx, e, library)),
      marked: update("trainee.mark", play.marked),
      paused: updateAny((ctx, e) => play.paused(ctx, e.at)),
      resumed: updateAny((ctx, e) => play.resumed(ctx, e.at)),
      rewound: update("trainer.rewind", (ctx, e) => play.rewound(ctx, e, library)),
      skipped: updateAny((ctx, e) => play.scenarioFinished(ctx, "skip", e.at, library)),
      debriefed: updateAny((ctx, e) => play.scenarioFinished(ctx, "debrief", e.at, library)),
      // Every debrief opens on its first page; the trainer walks the wall through the rest.
      debriefOpened: updateAny((ctx) => ({ ...ctx, debriefPage: 0 })),
      debriefPaged: update("trainer.debriefPage", (ctx, e) => ({ ...ctx, debriefPage: e.page })),
      // The debrief has no vote and nothing to pause.
      playStopped: updateAny((ctx) => {
        const { vote: _vote, ...rest } = ctx;
        return { ...rest, paused: false };
      }),
    },
    guards: {
      isTeams: ({ context }) => context.data.style === "teams",
      voteDecisive: ({ context }) => play.voteDecisive(context.data),
    },
  }).createMachine({
    id: "session",
    context: ({ input }) => input,
    initial: "lobby",
    on: {
      "session.created": { actions: "created" },
      "session.seed": { actions: "reseeded" },
      "session.joined": { actions: "joined" },
      "session.left": { actions: "left" },
      "trainer.lock": { actions: "locked" },
      "trainer.unlock": { actions: "unlocked" },
      "trainer.setSound": { actions: "soundSet" },
      "trainer.skipReveal": { actions: "revealSkipped" },
      "trainer.remove": { actions: "removed" },
      "trainer.readmit": { actions: "readmitted" },
      "trainer.rename": { actions: "renamed" },
      "trainer.showNames": { actions: "namesShown" },
    },
    states: {
      lobby: {
        on: {
          "trainer.selectScenario": { actions: "scenarioSelected" },
          "trainer.setStyle": { actions: "styleSet" },
          "trainer.splitTeams": { actions: "teamsSplit" },
          "trainee.pickTeam": { actions: "teamPicked" },
          "trainer.passSeat": { actions: "seatPassed" },
          "trainer.start": { target: "playing", actions: "runsStarted" },
        },
      },
      playing: {
        initial: "deciding",
        // A run reaching its ending stays here: its last decision is revealed like any other, then
        // `trainer.showEnding` shows the ending, and `trainer.end` the debrief.
        on: {
          "trainer.pause": { actions: "paused" },
          "trainer.resume": { actions: "resumed" },
          "trainer.passSeat": { actions: "seatPassed" },
          "trainer.rewind": { target: ".deciding", actions: "rewound" },
          "trainer.end": { target: "debrief", actions: "playStopped" },
          "trainer.showEnding": { target: ".ending" },
          // Logs from before the ending's reveal went to the debrief by themselves and then on: replayed,
          // they leave from the ended run, filed exactly as from the debrief.
          "trainer.nextScenario": { target: "lobby", actions: "debriefed" },
          "trainer.skip": { target: "lobby", actions: "skipped" },
          "trainee.mark": { actions: "marked" },
          "trainer.override": { target: ".revealed", actions: "overridden" },
          "trainee.choose": [
            { guard: "isTeams", target: ".deciding", actions: "chosen" },
            { target: ".revealed", actions: "chosen" },
          ],
        },
        states: {
          deciding: { on: { "trainer.openVote": { target: "voting", actions: "voteOpened" } } },
          voting: {
            on: {
              "trainee.vote": { actions: "voteCast" },
              "trainer.closeVote": { target: "closed", actions: "voteClosed" },
              // Time up works as the trainer's Reveal: the leader is played, a tie waits for the trainer.
              "timer.expired": [
                { guard: "voteDecisive", target: "revealed", actions: ["voteClosed", "majorityPlayed"] },
                { target: "closed", actions: "voteClosed" },
              ],
              "trainer.reveal": [
                { guard: "voteDecisive", target: "revealed", actions: ["voteClosed", "majorityPlayed"] },
                { target: "closed", actions: "voteClosed" },
              ],
            },
          },
          closed: {
            on: {
              "trainer.openVote": { target: "voting", actions: "voteOpened" },
              "trainer.reveal": { target: "revealed", actions: "majorityPlayed" },
              "trainer.breakTie": { target: "revealed", actions: "tieBroken" },
            },
          },
          revealed: {
            on: {
              "trainer.openVote": { target: "voting", actions: "voteOpened" },
              "trainer.next": { target: "deciding" },
            },
          },
          ending: {},
        },
      },
      debrief: {
        entry: "debriefOpened",
        on: {
          "trainer.debriefPage": { actions: "debriefPaged" },
          "trainer.rewind": { target: "playing.deciding", actions: "rewound" },
          "trainer.nextScenario": { target: "lobby", actions: "debriefed" },
        },
      },
    },
  });
}

/** The session machine's type, for code that holds one. */
export type SessionMachine = ReturnType<typeof createSessionMachine>;
