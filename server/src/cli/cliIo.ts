import { createInterface } from "node:readline/promises";

/**
 * Where a command writes and reads. Commands never touch `process` directly, so tests can run
 * them in-process and read what a trainer would have seen.
 */
export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  /** Asks one question; resolves to `undefined` when the input has ended (Ctrl+D, closed pipe). */
  readLine?(prompt: string): Promise<string | undefined>;
};

/** An io that prints to the terminal and reads answers from standard input. */
export function terminalIo(): CliIo & { close(): void } {
  let rl: ReturnType<typeof createInterface> | undefined;
  let lines: AsyncIterator<string> | undefined;
  // `hotseat paths ... | head` closes the pipe early: stop printing quietly and let the command
  // finish, so its exit code still says whether the scenario is fine.
  let readerGone = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    readerGone = true;
  });
  return {
    out: (line) => {
      if (!readerGone) process.stdout.write(`${line}\n`);
    },
    err: (line) => process.stderr.write(`${line}\n`),
    async readLine(prompt) {
      if (!rl || !lines) {
        const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
        rl = createInterface({ input: process.stdin, output: process.stdout, terminal });
        // Ctrl+C in a terminal would only pause the input; treat it like q.
        rl.on("SIGINT", () => rl?.close());
        // The iterator buffers lines, so answers piped in all at once are not lost between questions.
        lines = rl[Symbol.asyncIterator]();
      }
      rl.setPrompt(prompt);
      rl.prompt();
      const next = await lines.next();
      if (next.done) {
        process.stdout.write("\n");
        return undefined;
      }
      // A terminal echoes what was typed; piped answers are echoed so the transcript reads right.
      if (!rl.terminal) process.stdout.write(`${next.value}\n`);
      return next.value;
    },
    close() {
      rl?.close();
    },
  };
}

/** An io that records every line, answering questions from a fixed list; for tests. */
export function memoryIo(
  answers: string[] = [],
): CliIo & { lines: string[]; errors: string[]; text(): string } {
  const lines: string[] = [];
  const errors: string[] = [];
  const queue = [...answers];
  return {
    lines,
    errors,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    readLine: async (prompt) => {
      const answer = queue.shift();
      lines.push(`${prompt}${answer ?? ""}`);
      return answer;
    },
    text: () => [...lines, ...errors].join("\n"),
  };
}
