import { expect, it } from "vitest";
import { startTestServer } from "./harness";

const warning = /^Warning: listening on .* without a trainer password.*HOTSEAT_TRAINER_PASSWORD/;

/** Starts a server with these settings and returns what it printed at start. */
async function startLines(options: { hostname: string; trainerPassword?: string }): Promise<string[]> {
  const lines: string[] = [];
  const server = await startTestServer({ ...options, log: (line) => lines.push(line) });
  await server.stop();
  return lines;
}

it("says at start, in one line, that anyone can host when it listens beyond this machine without a password", async () => {
  const open = await startLines({ hostname: "0.0.0.0" });
  expect(open.filter((l) => warning.test(l))).toHaveLength(1);
  expect(open.find((l) => warning.test(l))).toContain("0.0.0.0");
  expect((await startLines({ hostname: "127.0.0.1" })).filter((l) => warning.test(l))).toEqual([]);
  const guarded = await startLines({ hostname: "0.0.0.0", trainerPassword: "long enough" });
  expect(guarded.filter((l) => warning.test(l))).toEqual([]);
});
