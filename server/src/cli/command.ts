import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import type { CliIo } from "./cliIo";

/** One subcommand of `hotseat`: its help text and what it does. Returns the process exit code. */
export type Command = {
  name: string;
  /** One line for the command list in `hotseat help`. */
  summary: string;
  /** The full `hotseat <name> --help` text, with examples. */
  help: string[];
  run(args: string[], io: CliIo): Promise<number>;
};

/** Exit codes: 0 all good, 1 the scenario or plans have problems, 2 the command was typed wrong. */
export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments with `util.parseArgs`; on a mistake prints it in plain words with
 * a pointer to `--help` and returns `undefined` so the command can exit with the usage code.
 */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O, io: CliIo) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`hotseat ${command}: ${message}`);
    io.err(`Run "npm run hotseat -- ${command} --help" to see how to use it.`);
    return undefined;
  }
}

/** Reads `--lang`, checking it looks like a locale code; prints why not and returns `null` if bad. */
export function readLocale(command: string, value: unknown, io: CliIo): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(value)) return value;
  io.err(
    `hotseat ${command}: --lang wants a language code such as en, pl, ro or lt (got ${JSON.stringify(value)}).`,
  );
  return null;
}
