import { getMessageBytes, Protocol } from "@colyseus/core";
import type { Client } from "@colyseus/core";
import type { SessionState } from "@hotseat/shared";
import type { Seat, SeatAuth } from "./seat";
import { TraineeViewFrames } from "./traineeViewFrames";
import { viewOf } from "./viewOf";

/** What one pass over the connections shares: encoded views by JSON, and the trainees' run parts. */
type FlushPass = { encoded: Map<string, Buffer>; trainees: TraineeViewFrames };

/** A connection to a session room, with the seat it joined as. */
export type SeatClient = Client<{ userData: Seat; auth: SeatAuth }>;

/** What the flusher reads from its room. */
export type ViewFlusherDeps = {
  clients: () => Iterable<SeatClient>;
  state: () => SessionState;
  /** Runs after each pass, e.g. to close connections the pass showed as removed. */
  afterFlush: () => void;
  log: (line: string) => void;
  /** The longest a pass waits behind the previous one while events keep coming (ms, default 50). */
  maxIntervalMs?: number;
};

/**
 * Sends every connection its own view of the session. The trainer's commands and the timer (a reveal, a
 * new vote) go out at once; inputs that come in bursts (votes, marks, joins) wait a few times the last
 * pass's own cost (at most `maxIntervalMs`) after the previous pass, so a thousand votes cost a bounded
 * share of the CPU instead of one full pass each, and a small class sees no delay.
 */
export class ViewFlusher {
  private scheduled: NodeJS.Immediate | NodeJS.Timeout | undefined;
  private delayed = false;
  private lastAt = Number.NEGATIVE_INFINITY;
  private lastCost = 0;

  constructor(private readonly deps: ViewFlusherDeps) {}

  /** Asks for a pass: at once when `urgent`, else coalesced with whatever else arrives meanwhile. */
  schedule(urgent = false): void {
    if (this.scheduled && !(urgent && this.delayed)) return;
    if (this.scheduled) clearTimeout(this.scheduled as NodeJS.Timeout);
    const run = () => {
      this.scheduled = undefined;
      this.delayed = false;
      this.flush();
    };
    const interval = urgent ? 0 : Math.min(this.deps.maxIntervalMs ?? 50, this.lastCost * 4);
    const wait = this.lastAt + interval - performance.now();
    this.delayed = wait > 0;
    this.scheduled = wait > 0 ? setTimeout(run, wait) : setImmediate(run);
  }

  /**
   * Sends a connection its view if it changed (or always, when `force`). Within one pass, identical views
   * are encoded once, and trainees share the encoding of their run's part (see `TraineeViewFrames`).
   */
  send(client: SeatClient, force: boolean, pass = this.newPass()): void {
    const seat = client.userData;
    if (!seat || seat.waiting) return;
    if (seat.role === "trainee") {
      const frame = pass.trainees.frameFor(seat.traineeId ?? "", seat.locale);
      if (!force && frame.runJson === seat.lastView && frame.ownJson === seat.lastOwnView) return;
      seat.lastView = frame.runJson;
      seat.lastOwnView = frame.ownJson;
      client.enqueueRaw(frame.bytes());
      return;
    }
    const view = viewOf(this.deps.state(), seat);
    const json = JSON.stringify(view);
    if (!force && json === seat.lastView) return;
    seat.lastView = json;
    let bytes = pass.encoded.get(json);
    if (bytes === undefined) {
      bytes = getMessageBytes.raw(Protocol.ROOM_DATA, "view", view);
      pass.encoded.set(json, bytes);
    }
    client.enqueueRaw(bytes);
  }

  /** Cancels a pending pass (the room is going away). */
  dispose(): void {
    if (!this.scheduled) return;
    clearImmediate(this.scheduled as NodeJS.Immediate);
    clearTimeout(this.scheduled as NodeJS.Timeout);
    this.scheduled = undefined;
  }

  private newPass(): FlushPass {
    const state = this.deps.state();
    return { encoded: new Map(), trainees: new TraineeViewFrames(state) };
  }

  private flush(): void {
    const start = performance.now();
    const pass = this.newPass();
    // Runs outside Colyseus's handlers: a throw here would take the whole process (every session) down.
    try {
      // The trainer's view is the largest (the whole roster and every vote), so it goes out after the
      // phones and the wall: a reveal reaches a thousand trainees without waiting behind it.
      const trainers: SeatClient[] = [];
      for (const client of this.deps.clients()) {
        if (client.userData?.role === "trainer") trainers.push(client);
        else this.send(client, false, pass);
      }
      for (const client of trainers) this.send(client, false, pass);
      this.deps.afterFlush();
    } catch (e) {
      this.deps.log(`could not send views: ${(e as Error).stack ?? String(e)}`);
    }
    this.lastAt = performance.now();
    this.lastCost = this.lastAt - start;
  }
}
