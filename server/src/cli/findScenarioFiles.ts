import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

/** The file names a scenario folder may hold its scenario under, in order of preference. */
export const scenarioFileNames = ["scenario.yaml", "scenario.yml", "scenario.json"] as const;

/** The file names of test plans stored beside a scenario. */
export const planFileNames = ["plans.yaml", "plans.yml", "plans.json"] as const;

/** One scenario found on disk, with its test plans when it has some. */
export type FoundScenario = { file: string; plansFile?: string };

/** What `findScenarioFiles` found, and the arguments that named nothing usable. */
export type FoundScenarios = { scenarios: FoundScenario[]; problems: string[] };

const skippedFolders = new Set(["node_modules", "dist", "data", "artifacts"]);

/**
 * Expands the paths a trainer typed into scenario files: a file is taken as it is, a folder is
 * searched (recursively) for `scenario.yaml`/`.yml`/`.json`. Results are sorted so output is stable.
 */
export function findScenarioFiles(paths: string[], cwd = process.cwd()): FoundScenarios {
  const found = new Map<string, FoundScenario>();
  const problems: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) {
      problems.push(`${path}: no such file or folder`);
      continue;
    }
    if (statSync(absolute).isDirectory()) {
      const files = scenariosUnder(absolute);
      if (files.length === 0) {
        problems.push(`${path}: no ${scenarioFileNames.join(", ")} found in this folder`);
      }
      for (const file of files) found.set(file, withPlans(file));
    } else {
      found.set(absolute, withPlans(absolute));
    }
  }
  const scenarios = [...found.values()]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((s) => ({
      ...s,
      file: displayPath(s.file, cwd),
      ...(s.plansFile ? { plansFile: displayPath(s.plansFile, cwd) } : {}),
    }));
  return { scenarios, problems };
}

/** A path as short as it can be while still being correct from `cwd`. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel === "" || rel.startsWith("..") ? absolute : rel;
}

function scenariosUnder(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  const own = scenarioFileNames.find((name) => entries.some((e) => e.isFile() && e.name === name));
  const nested = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !skippedFolders.has(e.name))
    .flatMap((e) => scenariosUnder(join(folder, e.name)));
  return own ? [join(folder, own), ...nested] : nested;
}

function withPlans(file: string): FoundScenario {
  // In a scenario's own folder the plans are `plans.yaml`; a loose `foo.yaml` keeps `foo.plans.yaml`.
  const inOwnFolder = (scenarioFileNames as readonly string[]).includes(basename(file));
  const stem = basename(file).replace(/\.(ya?ml|json)$/, "");
  const candidates = inOwnFolder
    ? planFileNames.map((name) => join(dirname(file), name))
    : ["yaml", "yml", "json"].map((ext) => join(dirname(file), `${stem}.plans.${ext}`));
  const plans = candidates.find((p) => existsSync(p));
  return plans ? { file, plansFile: plans } : { file };
}
