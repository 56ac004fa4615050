import { MatchMakeError, type SeatReservation } from "@colyseus/sdk";

/**
 * The seat that the page's inline script (dom/earlyJoin.ts) asked the matchmaker for, read as the Colyseus
 * SDK reads its own joinById answer: a refusal becomes the same MatchMakeError (message and code, e.g. 522
 * for an unknown room), so the page words it as it words any failed join.
 */
export async function reservationOf(response: Promise<Response>): Promise<SeatReservation> {
  const res = await response;
  const body = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
  if (!res.ok) throw new MatchMakeError(body.message ?? body.error ?? res.statusText, res.status);
  return body as unknown as SeatReservation;
}
