// Public API of @hotseat/shared. Each area adds its own export lines.
export * from "./scenario/localized";
export * from "./scenario/vocabulary";
export * from "./scenario/scenarioSchema";
export * from "./scenario/implementationParams";
export * from "./scenario/runContext";
export * from "./scenario/compileScenario";
export * from "./scenario/runState";
export * from "./scenario/runScenario";
export * from "./protocol/joinOptions";
export * from "./protocol/playStyle";
export * from "./protocol/clientMessages";
export * from "./protocol/serverMessages";
export * from "./protocol/viewParts";
export * from "./protocol/traineeView";
export * from "./protocol/projectorView";
export * from "./protocol/trainerView";
