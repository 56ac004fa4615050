// Entry point of `npm run hotseat -- <command>`: wires the commands to the terminal.
import { terminalIo } from "./cliIo";
import { commands } from "./commands";
import { runCli } from "./runCli";

const io = terminalIo();
try {
  process.exitCode = await runCli(process.argv.slice(2), io, commands);
} catch (error) {
  // An engine bug should still leave the trainer a readable message and a failing exit code.
  io.err(
    `hotseat: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 70;
} finally {
  io.close();
}
