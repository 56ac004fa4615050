import { getMessageBytes, Protocol } from "@colyseus/core";
import { projectTrainee } from "@hotseat/shared";
import type { SessionState } from "@hotseat/shared";
import { unpack } from "msgpackr";
import { describe, expect, it } from "vitest";
import { SessionDriver, trainee, trainer } from "../../../shared/src/session/sessionFixtures";
import { TraineeViewFrames } from "./traineeViewFrames";

const header = getMessageBytes.raw(Protocol.ROOM_DATA, "view", undefined, new Uint8Array(0));

/** The view a frame carries, decoded as a client would after Colyseus's frame header. */
function decoded(bytes: Buffer): unknown {
  expect(bytes.subarray(0, header.length)).toEqual(header);
  return unpack(bytes.subarray(header.length));
}

/** Every trainee's frame, in every language, decodes to exactly what `projectTrainee` gives. */
function expectFramesMatch(state: SessionState, ids: string[]): void {
  for (const locale of [undefined, "en", "pl"]) {
    const frames = new TraineeViewFrames(state);
    for (const id of ids) {
      const expected = projectTrainee(state, id, locale);
      expect(decoded(frames.frameFor(id, locale).bytes())).toEqual(expected);
      // And no longer than Colyseus encoding the whole view itself (msgpackr may spend 3 bytes on a map header).
      expect(frames.frameFor(id, locale).bytes().length).toBeLessThanOrEqual(
        getMessageBytes.raw(Protocol.ROOM_DATA, "view", expected).length,
      );
    }
  }
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);

describe("TraineeViewFrames", () => {
  it("splices each trainee's own part into the shared run part, in a class vote", () => {
    const d = new SessionDriver();
    d.setUp(4);
    expectFramesMatch(d.state, ids(4));
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
    d.ok({ type: "trainee.vote", optionId: "blame" }, trainee("t2"));
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t3"));
    expectFramesMatch(d.state, ids(4));
    d.ok({ type: "trainer.closeVote" }, trainer);
    d.ok({ type: "trainer.reveal" }, trainer);
    expectFramesMatch(d.state, [...ids(4), "nobody"]);
  });

  it("gives each team its own run part, and the hot seat its own seat", () => {
    const teams = new SessionDriver();
    teams.setUp(5);
    teams.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    teams.ok({ type: "trainer.splitTeams", count: 2 }, trainer);
    expectFramesMatch(teams.state, ids(5));
    teams.ok({ type: "trainer.start" }, trainer);
    teams.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    expectFramesMatch(teams.state, ids(5));

    const seat = new SessionDriver();
    seat.setUp(3);
    seat.ok({ type: "trainer.setStyle", style: "hot-seat" }, trainer);
    seat.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    seat.ok({ type: "trainer.start" }, trainer);
    seat.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t2"));
    expectFramesMatch(seat.state, ids(3));
  });

  it("projects and encodes a run's shared part once per run and language", () => {
    const d = new SessionDriver();
    d.setUp(30);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    const frames = new TraineeViewFrames(d.state);
    const runJsons = new Set(ids(30).map((id) => frames.frameFor(id, "en").runJson));
    const ownJsons = new Set(ids(30).map((id) => frames.frameFor(id, "en").ownJson));
    expect(runJsons.size).toBe(1);
    expect(ownJsons.size).toBe(30);
    expect(frames.frameFor("t1", "pl").runJson).not.toBe([...runJsons][0]);
  });
});
