import { traineeById } from "./roster";
import { reject } from "./rejection";
import type { Rejection } from "./rejection";
import type { SessionEvent } from "./sessionEvent";
import { soloPlayerId } from "./sessionPhase";
import type { SessionContext } from "./sessionState";

// A solo player with no trainer in the session runs their own flow, but never roster commands.
const soloSelfCommands = new Set<string>([
  "trainer.selectScenario",
  "trainer.setStyle",
  "trainer.start",
  "trainer.pause",
  "trainer.resume",
  "trainer.rewind",
  "trainer.skip",
  "trainer.end",
  "trainer.showEnding",
  "trainer.nextScenario",
]);

/** Refuses an event its sender's role may not send: trainer commands, trainee inputs, server events. */
export function authoriseEvent(ctx: SessionContext, event: SessionEvent): Rejection | undefined {
  const by = event.by;
  const [area] = event.type.split(".");
  if (area === "session" || area === "timer") {
    return by.role === "server" ? undefined : reject("role.forbidden", "Only the server can send that.");
  }
  if (by.role === "projector") return reject("role.forbidden", "The projector only shows the session.");
  if (area === "trainer") {
    if (by.role === "trainer" || by.role === "server") return undefined;
    const soloSelf =
      ctx.style === "solo" &&
      !ctx.trainerJoined &&
      soloSelfCommands.has(event.type) &&
      soloPlayerId(ctx) === by.traineeId;
    return soloSelf ? undefined : reject("role.forbidden", "Only the trainer can do that.");
  }
  if (by.role !== "trainee") return reject("role.forbidden", "Only trainees vote and choose.");
  const trainee = traineeById(ctx, by.traineeId);
  if (trainee === undefined) return reject("trainee.unknown", "Join the session first.");
  if (trainee.removed) return reject("trainee.removed", "The trainer has removed you from this session.");
  return undefined;
}
