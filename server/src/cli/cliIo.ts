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
  let ended = false;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    async readLine(prompt) {
      if (ended) return undefined;
      if (!rl) {
        rl = createInterface({ input: process.stdin, output: process.stdout });
        rl.on("close", () => {
          ended = true;
        });
      }
      // `question` never settles once the input has closed, so race it against the close event.
      const closed = new Promise<undefined>((resolve) => rl?.once("close", () => resolve(undefined)));
      return Promise.race([rl.question(prompt), closed]);
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
