import { compileScenario } from "../scenario/compileScenario";
import type { Scenario } from "../scenario/scenarioSchema";
import type { ClientMessage } from "../protocol/clientMessages";
import { applySessionEvent, createSession } from "./applySessionEvent";
import type { Rejection } from "./rejection";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { Actor, ServerEvent, SessionEvent } from "./sessionEvent";
import type { SessionState } from "./sessionState";

/** A two-decision scenario for session tests: three openings, two endings and a public blow-up. */
export function parcelScenario(id = "late-parcel"): Scenario {
  return {
    formatVersion: 1,
    id,
    title: { en: "The late parcel", pl: "Spóźniona paczka" },
    summary: "Marek's parcel is a week late.",
    languages: ["en", "pl"],
    audience: "B2C",
    persona: { name: "Marek", description: "Needs the parcel for a birthday", customerType: "anxious" },
    matter: { hard: "The parcel before Saturday", soft: ["fear"] },
    values: ["Reliability"],
    brokenPromise: "Delivery in two days",
    currency: "EUR",
    meters: { mood: 30, reputation: 50 },
    endings: {
      kept: { outcome: "kept", title: { en: "Kept", pl: "Został" }, debrief: "He stays with you." },
      lost: { outcome: "lost-quietly", title: "Lost", debrief: "He never orders again." },
      public: { outcome: "public-adversary", title: "Gone public", debrief: "A furious post." },
    },
    machine: {
      initial: "opening",
      states: {
        opening: {
          meta: { line: { en: "Where is my parcel?!", pl: "Gdzie moja paczka?!" }, emotion: "fear" },
          on: {
            listen: {
              target: "middle",
              actions: [{ type: "effect", params: { mood: 15, cost: { staffTime: 5 } } }],
              meta: {
                label: { en: "Tell me more.", pl: "Proszę opowiedzieć." },
                feedback: "Good listening.",
                tags: ["listens"],
              },
            },
            blame: {
              target: "gone-public",
              actions: [{ type: "effect", params: { mood: -30, reputation: -20 } }],
              meta: {
                label: "The courier lost it.",
                feedback: "Blaming others.",
                tags: ["blames-subcontractor"],
              },
            },
            refund: {
              target: "middle",
              actions: [{ type: "effect", params: { mood: 5, cost: { refund: 40 } } }],
              meta: { label: "Here is your money back.", tags: ["over-gives"] },
            },
          },
        },
        middle: {
          meta: { line: "So what now?", emotion: "disappointment", narration: "He sighs." },
          on: {
            "ship-express": {
              target: "kept",
              actions: [{ type: "effect", params: { mood: 20, cost: { shipping: 15 } } }],
              meta: {
                label: "I'll send another by express.",
                feedback: "A solution.",
                tags: ["offers-solution"],
              },
            },
            shrug: {
              target: "lost",
              actions: [{ type: "effect", params: { mood: -10 } }],
              meta: { label: "Nothing I can do.", tags: ["denies-emotion"] },
            },
          },
        },
        kept: { type: "final", meta: { line: "Thanks.", emotion: "pleased", ending: "kept" } },
        lost: { type: "final", meta: { line: "Whatever.", emotion: "contempt", ending: "lost" } },
        "gone-public": {
          type: "final",
          meta: { line: "I'm posting this!", emotion: "anger", ending: "public" },
        },
      },
    },
  };
}

/** A library of two compiled scenarios, in "next scenario" order. */
export function testLibrary(): ScenarioLibrary {
  return {
    "late-parcel": compileScenario(parcelScenario()),
    "second-parcel": compileScenario(parcelScenario("second-parcel")),
  };
}

/** The actor of trainee `id`. */
export const trainee = (id: string): Actor => ({ role: "trainee", traineeId: id });
/** The trainer actor. */
export const trainer: Actor = { role: "trainer" };
/** The server actor. */
export const server: Actor = { role: "server" };

/** Drives a session like a room would: a clock that ticks one second per event, and a log of accepted events. */
export class SessionDriver {
  state: SessionState;
  readonly log: SessionEvent[] = [];
  now = 1_000_000;

  constructor(readonly library: ScenarioLibrary = testLibrary()) {
    this.state = createSession(library);
  }

  /** Sends an event; returns the rejection, if any, and logs it only when accepted. */
  send(
    message: ClientMessage | ServerEvent,
    by: Actor = server,
    at = (this.now += 1000),
  ): Rejection | undefined {
    const event: SessionEvent = { ...message, at, by };
    const outcome = applySessionEvent(this.state, event, this.library);
    if (outcome.rejection) return outcome.rejection;
    this.state = outcome.state;
    this.log.push(event);
    return undefined;
  }

  /** Sends an event that must be accepted. */
  ok(message: ClientMessage | ServerEvent, by: Actor = server, at?: number): void {
    const rejection = this.send(message, by, at);
    if (rejection) throw new Error(`${message.type} refused: ${rejection.code} ${rejection.message}`);
  }

  /** Creates the session and joins a trainer and `count` trainees t1..tN named Trainee 1..N. */
  setUp(count: number, seed = 42): void {
    this.ok({ type: "session.created", joinCode: "KXR7PQ", seed });
    this.ok({ type: "session.joined", role: "trainer" });
    this.ok({ type: "session.joined", role: "projector" });
    for (let i = 1; i <= count; i++)
      this.ok({ type: "session.joined", role: "trainee", traineeId: `t${i}`, name: `Trainee ${i}` });
  }
}
