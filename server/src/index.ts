// Public API of @hotseat/server, for tests, benchmarks and embedding.
export * from "./hotseatServer";
export * from "./joinCode";
export * from "./scenarioLibrary";
export * from "./store/SessionStore";
export * from "./store/MemorySessionStore";
export * from "./store/SqliteSessionStore";
export * from "./sessions/SessionHost";
export * from "./sessions/SessionRuntime";
export * from "./sessions/trainerToken";
export { roomCloseCodes, joinErrorNumbers } from "./rooms/roomCodes";
export { defaultRateLimit } from "./rooms/rateLimiter";
export type { RateLimitOptions } from "./rooms/rateLimiter";
export type { SetTimer } from "./rooms/setTimer";
export type { Clock } from "./clock";
export { defaultHttpLimits } from "./http/httpLimits";
export type { HttpLimits } from "./http/httpLimits";
export { exposureWarning } from "./http/exposureWarning";
