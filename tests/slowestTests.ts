import type { Reporter, TestModule } from "vitest/node";

/** How many of the slowest tests to print. */
const count = 10;

/**
 * A Vitest reporter that prints the ten slowest tests after the run, so a test that grows slow is seen
 * before `npm test` outgrows its budget (5 minutes on the project's 2-core machines).
 */
export default class SlowestTests implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const timed = testModules.flatMap((m) =>
      [...m.children.allTests()].map((t) => ({
        name: `${m.project.name} ${m.moduleId.slice(m.project.config.root.length + 1)} > ${t.fullName}`,
        ms: t.diagnostic()?.duration ?? 0,
      })),
    );
    if (timed.length === 0) return;
    const slowest = timed.sort((a, b) => b.ms - a.ms).slice(0, count);
    const lines = slowest.map((t) => `${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}`);
    console.log(`\nSlowest tests (${slowest.length} of ${timed.length}):\n${lines.join("\n")}\n`);
  }
}
