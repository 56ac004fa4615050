import { getMessageBytes, Protocol } from "@colyseus/core";
import { projectTraineeOwn, projectTraineeRun, runKeyOf } from "@hotseat/shared";
import type { SessionState, TraineeOwnView } from "@hotseat/shared";
import { Packr } from "msgpackr";

// The same settings as Colyseus's own encoder (plain maps, no msgpackr records), so any msgpack decoder reads it.
const packr = new Packr({ useRecords: false });
/** The frame header of a room message of type "view": what Colyseus puts before the msgpack payload. */
const viewHeader = getMessageBytes.raw(Protocol.ROOM_DATA, "view", undefined, new Uint8Array(0));

/** A msgpack map with its header cut off: the encoded key/value pairs and how many there are. */
type MapBody = { count: number; bytes: Uint8Array };

function mapBody(value: object): MapBody {
  // A copy: msgpackr may write the next value into the same memory, and a run's body is kept for a flush.
  const packed = Buffer.from(packr.pack(value));
  const first = packed[0]!;
  if ((first & 0xf0) === 0x80) return { count: first & 0x0f, bytes: packed.subarray(1) };
  if (first === 0xde) return { count: packed.readUInt16BE(1), bytes: packed.subarray(3) };
  if (first === 0xdf) return { count: packed.readUInt32BE(1), bytes: packed.subarray(5) };
  throw new Error(`a view must encode as a msgpack map, got byte 0x${first.toString(16)}`);
}

function mapHeader(count: number): Uint8Array {
  if (count < 16) return Uint8Array.of(0x80 | count);
  return Uint8Array.of(0xde, count >> 8, count & 0xff);
}

/** One trainee's frame: JSON of each part (to skip an unchanged view), and the bytes to send when it changed. */
export class TraineeFrame {
  readonly ownJson: string;

  constructor(
    readonly runJson: string,
    private readonly run: MapBody,
    private readonly own: TraineeOwnView,
  ) {
    this.ownJson = JSON.stringify(own);
  }

  /** The whole "view" message: Colyseus's frame header, then the run's pairs and this trainee's in one map. */
  bytes(): Buffer {
    const mine = mapBody(this.own);
    return Buffer.concat([viewHeader, mapHeader(this.run.count + mine.count), this.run.bytes, mine.bytes]);
  }
}

/**
 * Builds the "view" frames of one flush for the trainees of a session. Most of a trainee's view (the
 * customer, the options, the vote's status, the result) is the same for everyone in the same run and
 * language; it is projected, stringified and encoded once per run and language, and each trainee's
 * own small part (name, what they may do, their vote) is spliced after it at the msgpack map level.
 * The client decodes an ordinary `TraineeView`: a map is just its pairs in a row, so two maps with
 * disjoint keys join into one by adding their counts.
 */
export class TraineeViewFrames {
  private readonly runs = new Map<string, { json: string; body: MapBody }>();

  constructor(private readonly state: SessionState) {}

  frameFor(traineeId: string, locale: string | undefined): TraineeFrame {
    const runKey = runKeyOf(this.state.context, traineeId);
    const cacheKey = `${runKey ?? ""}\u0000${locale ?? ""}`;
    let run = this.runs.get(cacheKey);
    if (run === undefined) {
      const view = projectTraineeRun(this.state, runKey, locale);
      run = { json: JSON.stringify(view), body: mapBody(view) };
      this.runs.set(cacheKey, run);
    }
    return new TraineeFrame(run.json, run.body, projectTraineeOwn(this.state, traineeId, locale));
  }
}
