import type { CompiledScenario } from "../scenario/compileScenario";
import { formatDiagnostic } from "../scenario/formatDiagnostic";
import { loadScenario } from "../scenario/loadScenario";
import type { SessionContext } from "./sessionState";

/** The scenarios a session can pick from, by id, in the order "next scenario" walks them. */
export type ScenarioLibrary = Readonly<Record<string, CompiledScenario>>;

/**
 * The library's scenario with this id, if the library has one of its own. A plain `library[id]` would also
 * find `constructor`, `toString` or `__proto__` on the object's prototype.
 */
export function libraryScenario(library: ScenarioLibrary, id: string): CompiledScenario | undefined {
  return Object.hasOwn(library, id) ? library[id] : undefined;
}

// Compiling is pure but not free; an uploaded text compiles once per process however often it is replayed.
const uploads = new Map<string, { compiled?: CompiledScenario; errors: string[] }>();

/** Checks and compiles an uploaded scenario text; `errors` are trainer-readable diagnostics. */
export function compileUpload(source: string): { compiled?: CompiledScenario; errors: string[] } {
  const cached = uploads.get(source);
  if (cached !== undefined) return cached;
  const loaded = loadScenario(source, "upload.yaml");
  const result = {
    ...(loaded.compiled ? { compiled: loaded.compiled } : {}),
    errors: loaded.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d)),
  };
  if (uploads.size > 50) uploads.clear();
  uploads.set(source, result);
  return result;
}

/** The compiled scenario the session has selected, from the library or its upload. */
export function selectedScenario(
  ctx: SessionContext,
  library: ScenarioLibrary,
): CompiledScenario | undefined {
  const ref = ctx.scenario;
  if (ref === undefined) return undefined;
  if (ref.source !== undefined) return compileUpload(ref.source).compiled;
  return libraryScenario(library, ref.id);
}

/** Like `selectedScenario`, for code paths the session's checks already guarded. */
export function requireScenario(ctx: SessionContext, library: ScenarioLibrary): CompiledScenario {
  const compiled = selectedScenario(ctx, library);
  if (compiled === undefined)
    throw new Error(`Scenario '${ctx.scenario?.id ?? "none"}' is not in the library.`);
  return compiled;
}
