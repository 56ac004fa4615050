// Public API of @hotseat/shared. Each area adds its own export lines.
export * from "./scenario/localized";
export * from "./scenario/vocabulary";
export * from "./scenario/scenarioSchema";
export * from "./scenario/implementationParams";
