import type { CliIo } from "./cliIo";
import type { Command } from "./command";
import { exitCodes } from "./command";

/** Runs `hotseat <command> ...args` against `commands`; returns the exit code. */
export async function runCli(argv: string[], io: CliIo, commands: Command[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic !== undefined) {
      const command = commands.find((c) => c.name === topic);
      if (command) {
        command.help.forEach((line) => io.out(line));
        return exitCodes.ok;
      }
      io.err(`hotseat help: there is no command called "${topic}".`);
    }
    generalHelp(commands).forEach((line) => io.out(line));
    return name === undefined || topic !== undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`hotseat: there is no command called "${name}".`);
    const near = commands.filter((c) => c.name.startsWith(name.slice(0, 2)));
    if (near.length > 0) io.err(`Did you mean: ${near.map((c) => c.name).join(", ")}?`);
    io.err(`Run "npm run hotseat -- help" for the list of commands.`);
    return exitCodes.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    command.help.forEach((line) => io.out(line));
    return exitCodes.ok;
  }
  return command.run(rest, io);
}

function generalHelp(commands: Command[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "hotseat — the authoring tool for Hotseat scenarios",
    "",
    "Usage: npm run hotseat -- <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${"help".padEnd(width)}  Show this list, or "help <command>" for one command`,
    "",
    "Examples:",
    "  npm run hotseat -- check scenarios",
    "  npm run hotseat -- play scenarios/ruined-hat/scenario.yaml --lang pl",
    "  npm run hotseat -- test scenarios",
    "",
    'Every command takes --help, for example "npm run hotseat -- play --help".',
    "The full guide for authors is in README.md, under Writing scenarios.",
  ];
}
