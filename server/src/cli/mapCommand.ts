import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { toDot, toMermaid, toSvg } from "@hotseat/shared";
import type { Command } from "./command";
import { exitCodes, parseCommandArgs, readLocale } from "./command";
import { loadPlayable } from "./loadPlayable";

const formats = ["mermaid", "dot", "svg"] as const;
type MapFormat = (typeof formats)[number];

// The format an output file's extension asks for, so `--out map.svg` needs no `--format`.
const formatByExtension: Record<string, MapFormat> = {
  ".svg": "svg",
  ".dot": "dot",
  ".gv": "dot",
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
  ".md": "mermaid",
};

/** `hotseat map`: the conversation as a diagram (Mermaid, Graphviz DOT or SVG). */
export const mapCommand: Command = {
  name: "map",
  summary: "Draw the conversation as a map (Mermaid, Graphviz DOT or SVG)",
  help: [
    "Usage: npm run hotseat -- map <scenario-file> [--format mermaid|dot|svg] [--out <file>] [--lang <code>]",
    "",
    "Draws every moment of the conversation and the responses between them. Without --out the",
    "map is printed; with --out it is written to that file, in the format its extension names",
    "(.svg, .dot, .mmd; a .md file gets a Mermaid block that GitHub and many editors draw).",
    "",
    "Options:",
    "  --format <f>    mermaid (default), dot (Graphviz) or svg (a picture to open in a browser).",
    "  --out <file>    Write the map to this file instead of printing it.",
    "  --lang <code>   Language of the labels (default: the scenario's first language).",
    "",
    "Examples:",
    "  npm run hotseat -- map scenarios/ruined-hat/scenario.yaml",
    "  npm run hotseat -- map scenarios/ruined-hat/scenario.yaml --out ruined-hat.svg",
    "  npm run hotseat -- map scenarios/ruined-hat/scenario.yaml --format dot | dot -Tpng > map.png",
  ],
  async run(args, io) {
    const parsed = parseCommandArgs(
      "map",
      args,
      {
        format: { type: "string", short: "f" },
        out: { type: "string", short: "o" },
        lang: { type: "string" },
      },
      io,
    );
    if (!parsed) return exitCodes.usage;
    const locale = readLocale("map", parsed.values.lang, io);
    if (locale === null) return exitCodes.usage;
    const out = parsed.values.out;
    const requested =
      parsed.values.format ?? (out ? formatByExtension[extname(out).toLowerCase()] : undefined);
    if (requested !== undefined && !(formats as readonly string[]).includes(requested)) {
      io.err(`hotseat map: --format must be one of ${formats.join(", ")} (got "${requested}").`);
      return exitCodes.usage;
    }
    // Writing Mermaid text into map.png would only give a broken picture: refuse what cannot be written.
    if (out !== undefined && formatByExtension[extname(out).toLowerCase()] === undefined) {
      const known = Object.keys(formatByExtension).join(", ");
      io.err(
        `hotseat map: cannot write a "${extname(out) || "(no extension)"}" file. Name the --out file with one of: ${known} ` +
          `(for a PNG: --out map.dot, then dot -Tpng map.dot > map.png).`,
      );
      return exitCodes.usage;
    }
    const format = (requested ?? "mermaid") as MapFormat;
    const loaded = loadPlayable("map", parsed.positionals, io);
    if (typeof loaded === "number") return loaded;
    const { compiled } = loaded;
    const lang = locale ?? compiled.scenario.languages[0] ?? "en";
    const drawn =
      format === "svg"
        ? toSvg(compiled, lang)
        : format === "dot"
          ? toDot(compiled, lang)
          : toMermaid(compiled, lang);
    if (out === undefined) {
      io.out(drawn.replace(/\n$/, ""));
      return exitCodes.ok;
    }
    const text =
      format === "mermaid" && extname(out).toLowerCase() === ".md"
        ? "```mermaid\n" + drawn.replace(/\n$/, "") + "\n```\n"
        : drawn;
    try {
      writeFileSync(resolve(out), text);
    } catch (error) {
      io.err(`hotseat map: cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      return exitCodes.problems;
    }
    io.out(`Wrote the ${format} map of ${loaded.file} to ${out}.`);
    return exitCodes.ok;
  },
};
