/** A content coding the server has a precompressed copy for, or `identity` for the file itself. */
export type Encoding = "br" | "gzip" | "identity";

/**
 * Chooses how to send a file from the request's `Accept-Encoding`: brotli when the client takes it (it is
 * the smallest), else gzip, else the plain file. Only codings in `available` are offered. Browsers list
 * `gzip` before `br` with equal weight, so the header's order is not a preference; `q=0` refuses a coding.
 */
export function pickEncoding(header: string | undefined, available: readonly Encoding[]): Encoding {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [rawName, ...params] = part.toLowerCase().split(";");
    const name = rawName?.trim();
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  let best: Encoding = "identity";
  let bestWeight = 0;
  for (const coding of ["br", "gzip"] as const) {
    const w = weightOf(coding);
    if (available.includes(coding) && w > bestWeight) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}
