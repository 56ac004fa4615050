import { describe, expect, it } from "vitest";
import { memoryIo } from "./cliIo";
import type { Command } from "./command";
import { parseCommandArgs } from "./command";
import { runCli } from "./runCli";

const echo: Command = {
  name: "echo",
  summary: "Repeat the words given",
  help: ["Usage: npm run hotseat -- echo <words>... [--loud]"],
  async run(args, io) {
    const parsed = parseCommandArgs("echo", args, { loud: { type: "boolean" } }, io);
    if (!parsed) return 2;
    const words = parsed.positionals.join(" ");
    io.out(parsed.values.loud ? words.toUpperCase() : words);
    return 0;
  },
};

describe("runCli", () => {
  it("runs the named command with the rest of the arguments", async () => {
    const io = memoryIo();
    expect(await runCli(["echo", "hello", "trainer", "--loud"], io, [echo])).toBe(0);
    expect(io.lines).toEqual(["HELLO TRAINER"]);
  });

  it("lists the commands for help and exits 0", async () => {
    const io = memoryIo();
    expect(await runCli(["help"], io, [echo])).toBe(0);
    expect(io.text()).toMatch(/echo\s+Repeat the words given/);
    expect(io.text()).toContain("README.md, under Writing scenarios");
  });

  it("shows a command's own help for --help and for help <command>", async () => {
    for (const argv of [
      ["echo", "--help"],
      ["help", "echo"],
    ]) {
      const io = memoryIo();
      expect(await runCli(argv, io, [echo])).toBe(0);
      expect(io.lines).toEqual(echo.help);
    }
  });

  it("explains an unknown command and suggests a near one, exiting 2", async () => {
    const io = memoryIo();
    expect(await runCli(["ech"], io, [echo])).toBe(2);
    expect(io.errors.join("\n")).toContain('there is no command called "ech"');
    expect(io.errors.join("\n")).toContain("Did you mean: echo?");
  });

  it("explains an unknown option and points at --help, exiting 2", async () => {
    const io = memoryIo();
    expect(await runCli(["echo", "--lound"], io, [echo])).toBe(2);
    expect(io.errors[0]).toContain("--lound");
    expect(io.errors[1]).toContain("echo --help");
  });

  it("shows help with exit 2 when no command is given", async () => {
    const io = memoryIo();
    expect(await runCli([], io, [echo])).toBe(2);
    expect(io.text()).toContain("Usage: npm run hotseat -- <command>");
  });
});
