import { checkCommand } from "./checkCommand";
import type { Command } from "./command";
import { mapCommand } from "./mapCommand";
import { pathsCommand } from "./pathsCommand";
import { playCommand } from "./playCommand";
import { testCommand } from "./testCommand";

/** Every `hotseat` subcommand, in the order `help` lists them. */
export const commands: Command[] = [checkCommand, playCommand, pathsCommand, mapCommand, testCommand];
