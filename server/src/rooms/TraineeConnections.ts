import { roomCloseCodes } from "./roomCodes";
import type { SeatClient } from "./ViewFlusher";

/**
 * The live connection of each trainee seat, so a second tab replaces the first instead of doubling it,
 * and a removed trainee's connection is closed. Projectors and trainers may have several connections.
 */
export class TraineeConnections {
  private readonly byTrainee = new Map<string, SeatClient>();

  /** Makes `client` its trainee seat's connection, closing an older tab or device that held it. */
  take(client: SeatClient): void {
    const traineeId = client.userData?.traineeId;
    if (traineeId === undefined) return;
    const previous = this.byTrainee.get(traineeId);
    if (previous && previous !== client) replace(previous);
    this.byTrainee.set(traineeId, client);
  }

  /**
   * Makes a reconnected `client` its seat's connection again. Colyseus gives the new socket a new client
   * object sharing the dropped one's `userData`: the old object is not another tab, and is not closed.
   */
  resume(client: SeatClient): void {
    const traineeId = client.userData?.traineeId;
    if (traineeId !== undefined) this.byTrainee.set(traineeId, client);
  }

  /** Whether `client` is a trainee's connection that another tab replaced (or that was closed as removed). */
  isReplaced(client: SeatClient): boolean {
    const traineeId = client.userData?.traineeId;
    return traineeId !== undefined && this.byTrainee.get(traineeId) !== client;
  }

  /** Forgets `client` when it still holds its seat (it left). */
  release(client: SeatClient): void {
    const traineeId = client.userData?.traineeId;
    if (traineeId !== undefined && this.byTrainee.get(traineeId) === client) this.byTrainee.delete(traineeId);
  }

  /** Closes the connections of the trainees in `removed`, once: they are forgotten as they are closed. */
  closeRemoved(removed: ReadonlySet<string>): void {
    if (removed.size === 0) return;
    for (const [traineeId, client] of this.byTrainee) {
      if (!removed.has(traineeId)) continue;
      const seat = client.userData;
      if (seat) {
        seat.closing = true;
        seat.closeCode = roomCloseCodes.removed;
      }
      this.byTrainee.delete(traineeId);
      client.leave(roomCloseCodes.removed);
    }
  }
}

/** Closes a connection whose seat a newer one took, telling it why. */
function replace(previous: SeatClient): void {
  const seat = previous.userData;
  if (seat) {
    seat.closing = true;
    seat.closeCode = roomCloseCodes.replaced;
    seat.present = false;
  }
  previous.error(roomCloseCodes.replaced, "This seat was opened on another tab or device.");
  previous.leave(roomCloseCodes.replaced);
}
