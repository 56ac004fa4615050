import { finishReason } from "./finishRule";
import type { SessionHost } from "./SessionHost";

/**
 * Finishes every live session the host's finish rule says is abandoned (nobody joined within the hour) or
 * left alone (nobody connected, nothing happening for a day): the report is kept, the room closed, the code
 * freed. Returns what it finished, for the log.
 */
export async function finishStaleSessions(
  host: SessionHost,
  now: number,
  closeRoom: (code: string) => void,
): Promise<{ code: string; reason: "unjoined" | "idle" }[]> {
  const finished: { code: string; reason: "unjoined" | "idle" }[] = [];
  for (const runtime of host.liveSessions()) {
    const reason = finishReason(
      {
        createdAt: runtime.record.createdAt,
        lastEventAt: runtime.lastEventAt,
        context: runtime.state.context,
      },
      now,
      host.finishRule,
    );
    if (!reason) continue;
    const code = runtime.record.code;
    await host.finish(code);
    closeRoom(code);
    finished.push({ code, reason });
  }
  return finished;
}
