import { formatDiagnostic } from "@hotseat/shared";
import { z } from "zod";
import { defaultClientDir } from "./http/clientRoutes";
import { defaultHttpLimits } from "./http/httpLimits";
import { startHotseatServer } from "./hotseatServer";
import { defaultCheckCachePath, ScenarioCheckCache } from "./scenarioCheckCache";
import { ScenarioLibrary } from "./scenarioLibrary";
import { openStore } from "./store/openStore";
import { clusterEnvShape, clusterSettings } from "./cluster/clusterEnv";

// The environment is a boundary too: a typo in PORT should stop the start, not bind somewhere odd.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  HOTSEAT_HOST: z.string().min(1).optional(),
  HOTSEAT_SCENARIOS_DIR: z.string().min(1).default("scenarios"),
  HOTSEAT_TRAINER_PASSWORD: z.string().min(1).optional(),
  HOTSEAT_PUBLIC_URL: z.url().optional(),
  HOTSEAT_RECONNECT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  HOTSEAT_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  HOTSEAT_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  HOTSEAT_JOIN_BURST: z.coerce.number().int().min(20).default(defaultHttpLimits.guesses.burst),
  HOTSEAT_JOIN_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(defaultHttpLimits.guesses.perSecond * 60),
  HOTSEAT_HOSTS_PER_MINUTE: z.coerce.number().int().min(1).default(defaultHttpLimits.hosting.burst),
  HOTSEAT_MAX_SESSIONS_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(defaultHttpLimits.maxSessionsPerAddress),
  HOTSEAT_MAX_SESSIONS: z.coerce.number().int().min(1).default(defaultHttpLimits.maxSessions),
  /** `postgres://…` puts every store in PostgreSQL; unset, the embedded SQLite under HOTSEAT_DATA_DIR. */
  HOTSEAT_DATABASE_URL: z
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** How long a PostgreSQL session lease outlives a server that died without a word. */
  HOTSEAT_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(15),
  ...clusterEnvShape,
});

const env = envSchema.safeParse(process.env);
if (!env.success) {
  console.error(`Hotseat cannot start, the environment is wrong:\n${z.prettifyError(env.error)}`);
  process.exit(1);
}

const cluster = clusterSettings(env.data);
if ("refusal" in cluster) {
  console.error(`Hotseat cannot start: ${cluster.refusal}`);
  process.exit(1);
}

// Unchanged scenarios are not walked again at a restart: their earlier check is kept in the data directory.
const checks = ScenarioCheckCache.open(defaultCheckCachePath(), { log: (line) => console.log(line) });
const library = await ScenarioLibrary.fromDirectory(env.data.HOTSEAT_SCENARIOS_DIR, undefined, checks);
for (const entry of library.list()) {
  const { errors, warnings } = entry.diagnostics;
  console.log(
    `scenario ${entry.id}: ${entry.playable ? "ready" : "NOT playable"} (${errors} errors, ${warnings} warnings)`,
  );
  if (!entry.playable) {
    for (const d of library.get(entry.id)?.diagnostics.filter((d) => d.severity === "error") ?? []) {
      console.log(formatDiagnostic(d));
    }
  }
}

const opened = await openStore(env.data.HOTSEAT_DATABASE_URL, env.data.HOTSEAT_LEASE_SECONDS * 1000);
if ("refusal" in opened) {
  console.error(`Hotseat cannot start: ${opened.refusal}`);
  process.exit(1);
}
const { store, where } = opened;
const running = await startHotseatServer({
  port: env.data.PORT,
  ...(env.data.HOTSEAT_HOST !== undefined ? { hostname: env.data.HOTSEAT_HOST } : {}),
  httpLimits: {
    guesses: {
      ...defaultHttpLimits.guesses,
      burst: env.data.HOTSEAT_JOIN_BURST,
      perSecond: env.data.HOTSEAT_JOIN_PER_MINUTE / 60,
    },
    hosting: { burst: env.data.HOTSEAT_HOSTS_PER_MINUTE, perSecond: env.data.HOTSEAT_HOSTS_PER_MINUTE / 60 },
    maxSessionsPerAddress: env.data.HOTSEAT_MAX_SESSIONS_PER_ADDRESS,
    maxSessions: env.data.HOTSEAT_MAX_SESSIONS,
    proxyHops: env.data.HOTSEAT_TRUST_PROXY,
  },
  store,
  library,
  clientDir: defaultClientDir(),
  reconnectSeconds: env.data.HOTSEAT_RECONNECT_SECONDS,
  idleFinishMs: env.data.HOTSEAT_IDLE_HOURS * 60 * 60 * 1000,
  ...(env.data.HOTSEAT_TRAINER_PASSWORD ? { trainerPassword: env.data.HOTSEAT_TRAINER_PASSWORD } : {}),
  ...(env.data.HOTSEAT_PUBLIC_URL ? { publicUrl: env.data.HOTSEAT_PUBLIC_URL } : {}),
  log: (line) => console.log(line),
  ...(cluster.settings ? { cluster: cluster.settings } : {}),
});
console.log(`data: ${where}`);
if (cluster.settings)
  console.log(
    `cluster: Redis at ${new URL(cluster.settings.redisUrl).host}, reached at ${cluster.settings.publicAddress ?? "this address"}`,
  );
console.log(`Hotseat listening on ${running.url}`);
