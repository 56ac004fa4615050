import type { PracticeRequest, PracticeResponse, SessionEvent } from "@hotseat/shared";
import { cleanName } from "@hotseat/shared";
import { newReconnectKey, traineeIdFor } from "../rooms/seat";
import type { SessionHost } from "./SessionHost";

/** The name a practising trainee plays under when they give none. */
export const defaultPracticeName = "Me";

/**
 * Hosts a solo practice session in one step: the scenario selected, the solo style set, the only seat
 * made for the caller and the scenario started, all as server events in the log. The caller then joins
 * as a trainee with the returned key and finds the first decision waiting; no trainer is involved.
 */
export async function hostPractice(host: SessionHost, request: PracticeRequest): Promise<PracticeResponse> {
  const reconnectKey = newReconnectKey();
  const name = cleanName(request.name?.trim() ? request.name : defaultPracticeName);
  const hosted = await host.host({
    scenarioId: request.scenarioId,
    then: (sessionId, at) => {
      const by = { role: "server" } as const;
      const traineeId = traineeIdFor(sessionId, reconnectKey);
      const events: SessionEvent[] = [
        { type: "trainer.setStyle", style: "solo", at, by },
        { type: "session.joined", role: "trainee", traineeId, name, at, by },
        // The seat waits, disconnected, until the caller's page joins with the key.
        { type: "session.left", role: "trainee", traineeId, at, by },
        { type: "trainer.start", at, by },
      ];
      return events;
    },
  });
  return { code: hosted.code, reconnectKey, name };
}
