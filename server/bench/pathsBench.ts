// Times the path analysis and the maps on generated scenarios: `npx tsx server/bench/pathsBench.ts`.
// Prints the figures for 20 and 200 states (and a denser 200-state variant) and the 200/20 ratios,
// then times the whole `hotseat paths` command on a 200-state file against Node's start-up alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import {
  analyzePaths,
  choose,
  compileScenario,
  generateScenario,
  optionsAt,
  startRun,
  toMermaid,
  toSvg,
} from "@hotseat/shared";
import type { GenerateOptions } from "@hotseat/shared";

type Figures = {
  label: string;
  dp: number;
  full: number;
  mermaid: number;
  svg: number;
  nodes: number;
  paths: number;
};

// Best of a few runs: the figure a quiet machine would show, less skewed by other processes.
function time(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function measure(label: string, opts: GenerateOptions): Figures {
  const compiled = compileScenario(generateScenario(opts));
  const analysis = analyzePaths(compiled, { graphCheck: false });
  return {
    label,
    dp: time(() => analyzePaths(compiled, { graphCheck: false })),
    full: time(() => analyzePaths(compiled)),
    mermaid: time(() => toMermaid(compiled)),
    svg: time(() => toSvg(compiled)),
    nodes: analysis.abstractStates,
    paths: analysis.distinctPaths,
  };
}

const rows = [
  measure("20 states", { states: 20 }),
  measure("200 states", { states: 200 }),
  measure("200 states, dense guards", { states: 200, guardRate: 0.3 }),
];
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.table(
  rows.map((r) => ({
    scenario: r.label,
    "analyzePaths (DP only)": ms(r.dp),
    "analyzePaths + @xstate/graph": ms(r.full),
    toMermaid: ms(r.mermaid),
    toSvg: ms(r.svg),
    "situations explored": r.nodes,
    "distinct paths": r.paths.toExponential(3),
  })),
);
const [small, big] = rows;
if (small !== undefined && big !== undefined) {
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : "n/a");
  console.log(
    `200 vs 20 states: analyzePaths x${ratio(big.full, small.full)} (DP only x${ratio(big.dp, small.dp)}), toMermaid x${ratio(big.mermaid, small.mermaid)}`,
  );
}

// What the server pays per vote: the options shown, then the choice, on the 200-state scenario.
const compiled = compileScenario(generateScenario({ states: 200 }));
let choices = 0;
const start = performance.now();
for (let walk = 0; walk < 200; walk++) {
  let run = startRun(compiled);
  for (let options = optionsAt(compiled, run); options.length > 0; options = optionsAt(compiled, run)) {
    const option = options[(walk + choices) % options.length];
    if (option === undefined) break;
    run = choose(compiled, run, option.id);
    choices++;
  }
}
console.log(
  `optionsAt + choose: ${((performance.now() - start) / choices).toFixed(3)} ms per choice (${choices} choices)`,
);

// What a trainer waits for: the whole `paths` command on a 200-state file, Node start-up included,
// against `help` (start-up alone) in the same run.
const dir = mkdtempSync(join(tmpdir(), "hotseat-paths-"));
const file = join(dir, "scenario.yaml");
writeFileSync(file, stringify(generateScenario({ states: 200 })));
const cli = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
function timeCli(args: string[]): number {
  const began = performance.now();
  const done = spawnSync(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", "--import", "tsx", cli, ...args],
    {
      encoding: "utf8",
    },
  );
  if (done.status !== 0) throw new Error(`hotseat ${args.join(" ")} failed: ${done.stderr}`);
  return performance.now() - began;
}
const best = (args: string[]) => Math.min(timeCli(args), timeCli(args), timeCli(args));
const pathsMs = best(["paths", file]);
const helpMs = best(["help"]);
console.log(
  `hotseat paths on 200 states: ${ms(pathsMs)} end to end (target < 2000 ms); start-up alone (help): ${ms(helpMs)}; ratio x${(pathsMs / helpMs).toFixed(2)}`,
);
rmSync(dir, { recursive: true, force: true });
