import { checkCommand } from "./checkCommand";
import type { Command } from "./command";
import { pathsCommand } from "./pathsCommand";
import { playCommand } from "./playCommand";

/** Every `hotseat` subcommand, in the order `help` lists them. */
export const commands: Command[] = [checkCommand, playCommand, pathsCommand];
