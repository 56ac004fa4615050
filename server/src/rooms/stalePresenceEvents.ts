import type { SessionContext, SessionEvent } from "@hotseat/shared";

/**
 * The `session.left` events that close every connection a session still counts as present: after a
 * crash, the old process's connections died with it, and whoever comes back joins again.
 */
export function stalePresenceEvents(ctx: SessionContext, at: number): SessionEvent[] {
  const by = { role: "server" } as const;
  return [
    ...ctx.trainees
      .filter((t) => t.connected)
      .map((t): SessionEvent => ({ type: "session.left", role: "trainee", traineeId: t.id, at, by })),
    ...Array.from({ length: ctx.projectors }, (): SessionEvent => ({
      type: "session.left",
      role: "projector",
      at,
      by,
    })),
    ...(ctx.trainerConnected ? [{ type: "session.left", role: "trainer", at, by } as const] : []),
  ];
}
