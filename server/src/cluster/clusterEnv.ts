import { z } from "zod";

/**
 * The environment of a Hotseat process that shares its sessions with others (issue 12): Colyseus's Redis
 * driver and presence place rooms across processes, and each process is reached at its own public address.
 */
export const clusterEnvShape = {
  /** `redis://…`: run Colyseus with the Redis driver and presence, so several processes serve one Hotseat. */
  HOTSEAT_REDIS_URL: z
    .url()
    .refine((u) => /^rediss?:\/\//.test(u), "must be a redis:// or rediss:// URL")
    .optional(),
  /**
   * Where clients reach this very process, without the scheme: `host[:port][/path]`, e.g.
   * `hotseat.example.com/p1` behind a proxy that sends `/p1/` to it. A seat in a room of this process
   * sends the client's socket there.
   */
  HOTSEAT_PUBLIC_ADDRESS: z
    .string()
    .regex(
      /^[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/,
      "must be host[:port][/path] without a scheme, e.g. hotseat.example.com/p1",
    )
    .optional(),
};

/** What a process of a cluster needs to join it. */
export type ClusterSettings = { redisUrl: string; publicAddress?: string };

/**
 * The cluster settings of a parsed environment: none without Redis; a refusal when Redis is set without
 * PostgreSQL (the processes must share one event log) or a public address comes without Redis.
 */
export function clusterSettings(env: {
  HOTSEAT_REDIS_URL?: string | undefined;
  HOTSEAT_PUBLIC_ADDRESS?: string | undefined;
  HOTSEAT_DATABASE_URL?: string | undefined;
}): { settings?: ClusterSettings } | { refusal: string } {
  const { HOTSEAT_REDIS_URL: redisUrl, HOTSEAT_PUBLIC_ADDRESS: publicAddress } = env;
  if (redisUrl === undefined) {
    if (publicAddress !== undefined)
      return {
        refusal:
          "HOTSEAT_PUBLIC_ADDRESS is set without HOTSEAT_REDIS_URL; it only means something in a cluster.",
      };
    return {};
  }
  if (env.HOTSEAT_DATABASE_URL === undefined)
    return {
      refusal:
        "HOTSEAT_REDIS_URL is set without HOTSEAT_DATABASE_URL: processes that share sessions must share their " +
        "event log, so set HOTSEAT_DATABASE_URL=postgres://… (the same for every process).",
    };
  return { settings: { redisUrl, ...(publicAddress !== undefined ? { publicAddress } : {}) } };
}
