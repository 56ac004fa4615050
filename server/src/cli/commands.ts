import type { Command } from "./command";

/** Every `hotseat` subcommand, in the order `help` lists them. */
export const commands: Command[] = [];
