import {
  choose,
  isDefenceTag,
  endingOf,
  localize,
  optionsAt,
  RunError,
  startRun,
  stateMetaOf,
} from "@hotseat/shared";
import type { CompiledScenario, RunOption, RunState } from "@hotseat/shared";
import type { CliIo } from "./cliIo";
import type { Command } from "./command";
import { exitCodes, parseCommandArgs, readLocale } from "./command";
import { formatDelta, meterLines, plural, wrap } from "./format";
import type { MeterReading } from "./format";
import { loadPlayable } from "./loadPlayable";
import { seededOrder } from "./seededOrder";

/** `hotseat play`: plays a scenario in the terminal, interactively or from a list of choices. */
export const playCommand: Command = {
  name: "play",
  summary: "Play a scenario in the terminal, as a trainee would",
  help: [
    "Usage: npm run hotseat -- play <scenario-file> [--lang <code>] [--choices <a,b,c>] [--seed <n>] [--effects]",
    "",
    "Plays the scenario in the terminal. You see what the customer says, pick a response by",
    "its number (or its option id), then see the expert's feedback and how mood, cost",
    "(and reputation and staff strain, when the scenario uses them) changed. At the end you",
    "see the ending and its debrief. Type q to stop.",
    "",
    "Options:",
    "  --lang <code>       Language to play in (en, pl, ro, lt...). Default: the scenario's first language.",
    "  --choices <list>    Play without asking: option ids or numbers, separated by commas.",
    "                      Handy to replay a path a trainee took, or to check a path after an edit.",
    "  --seed <n>          Show the options in a shuffled order; the same number gives the same order.",
    "                      Use it to check the best answer is not given away by always being first.",
    "  --effects           Show what each option would do to the meters before you choose (trainer view).",
    "",
    "Examples:",
    "  npm run hotseat -- play scenarios/ruined-hat/scenario.yaml",
    "  npm run hotseat -- play scenarios/ruined-hat/scenario.yaml --lang pl",
    "  npm run hotseat -- play scenarios/ruined-hat/scenario.yaml --choices ask-what-happened,2,1",
  ],
  async run(args, io) {
    const parsed = parseCommandArgs(
      "play",
      args,
      {
        lang: { type: "string" },
        choices: { type: "string" },
        seed: { type: "string" },
        effects: { type: "boolean" },
      },
      io,
    );
    if (!parsed) return exitCodes.usage;
    const locale = readLocale("play", parsed.values.lang, io);
    if (locale === null) return exitCodes.usage;
    let seed: number | undefined;
    if (parsed.values.seed !== undefined) {
      seed = Number(parsed.values.seed);
      if (!Number.isInteger(seed)) {
        io.err(`hotseat play: --seed wants a whole number (got "${parsed.values.seed}").`);
        return exitCodes.usage;
      }
    }
    const scripted = parsed.values.choices
      ?.split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    if (scripted === undefined && io.readLine === undefined) {
      io.err("hotseat play: there is no terminal to ask in; pass --choices to play without asking.");
      return exitCodes.usage;
    }

    const loaded = loadPlayable("play", parsed.positionals, io);
    if (typeof loaded === "number") return loaded;
    const { compiled, file } = loaded;
    const lang = locale ?? compiled.scenario.languages[0] ?? "en";
    if (!compiled.scenario.languages.includes(lang)) {
      io.err(
        `Note: this scenario is written in ${compiled.scenario.languages.join(", ")}; texts missing in "${lang}" are shown in another language.`,
      );
    }
    return play(compiled, { file, lang, scripted, seed, effects: parsed.values.effects === true }, io);
  },
};

type PlaySettings = { file: string; lang: string; scripted?: string[]; seed?: number; effects: boolean };

async function play(compiled: CompiledScenario, settings: PlaySettings, io: CliIo): Promise<number> {
  const { scenario } = compiled;
  const t = (text: Parameters<typeof localize>[0]) => localize(text, settings.lang);
  const declared = scenario.vocabulary?.tags ?? {};
  // A declared tag reads as its label in the chosen language; built-in ones as their name.
  const tagText = (tag: string) =>
    Object.hasOwn(declared, tag) ? t(declared[tag]!.label) : tag.replace(/-/g, " ");
  io.out(`== ${t(scenario.title)} ==`);
  wrap(t(scenario.summary)).forEach((l) => io.out(l));
  wrap(`Customer: ${scenario.persona.name} — ${t(scenario.persona.description)}`).forEach((l) => io.out(l));
  io.out(`  Wants: ${t(scenario.matter.hard)}  ·  Feels: ${scenario.matter.soft.join(", ")}`);
  let run = startRun(compiled);
  meterLines(readingOf(run), scenario.currency).forEach((l) => io.out(l));
  const queue = settings.scripted ? [...settings.scripted] : undefined;

  while (!run.ended) {
    const meta = stateMetaOf(compiled, run.stateId);
    io.out("");
    if (meta.narration !== undefined) wrap(`(${t(meta.narration)})`).forEach((l) => io.out(l));
    io.out(`${scenario.persona.name} [${meta.emotion}]: "${t(meta.line)}"`);
    const options = seededOrder(optionsAt(compiled, run), settings.seed);
    if (options.length === 0) {
      io.err(`Dead end: no option is available in state "${run.stateId}" and it is not a final state.`);
      return exitCodes.problems;
    }
    options.forEach((o, i) => {
      io.out(`  ${i + 1}. ${t(o.label)}`);
      if (settings.effects) io.out(`       ${effectsText(o, scenario.currency)}`);
    });
    const picked = queue ? nextScripted(queue, options, run, io) : await ask(options, io);
    if (picked === "quit") {
      io.out(`Stopped after ${plural(run.steps.length, "choice")}.`);
      return exitCodes.ok;
    }
    if (picked === "bad") return exitCodes.problems;
    const before = readingOf(run);
    try {
      run = choose(compiled, run, picked.id);
    } catch (error) {
      if (!(error instanceof RunError)) throw error;
      io.err(error.message);
      return exitCodes.problems;
    }
    io.out(`You: ${t(picked.label)}`);
    if (picked.feedback !== undefined || picked.tags.length > 0) {
      const tags = picked.tags.length > 0 ? ` [${picked.tags.map(tagText).join(", ")}]` : "";
      wrap(`Expert: ${picked.feedback !== undefined ? t(picked.feedback) : ""}${tags}`, 100, "  ").forEach(
        (l) => io.out(l),
      );
    }
    meterLines(readingOf(run), scenario.currency, before).forEach((l) => io.out(l));
  }

  const finalMeta = stateMetaOf(compiled, run.stateId);
  io.out("");
  if (finalMeta.narration !== undefined) wrap(`(${t(finalMeta.narration)})`).forEach((l) => io.out(l));
  io.out(`${scenario.persona.name} [${finalMeta.emotion}]: "${t(finalMeta.line)}"`);
  const ending = endingOf(compiled, run);
  io.out("");
  io.out(`== Ending: ${ending ? `${t(ending.title)} (${ending.outcome})` : run.stateId} ==`);
  if (ending) wrap(t(ending.debrief)).forEach((l) => io.out(l));
  io.out("");
  const path = run.steps.map((s) => s.optionId);
  io.out(`Path (${plural(path.length, "choice")}): ${path.join(" → ")}`);
  meterLines(readingOf(run), scenario.currency).forEach((l) => io.out(l));
  const bad = run.said.filter((tag) => isDefenceTag(tag, declared));
  const good = run.said.filter((tag) => !bad.includes(tag));
  io.out(`  Techniques used: ${good.length > 0 ? good.map(tagText).join(", ") : "none"}`);
  if (bad.length > 0) io.out(`  Anti-patterns:   ${bad.map(tagText).join(", ")}`);
  io.out(`To replay: npm run hotseat -- play ${settings.file} --choices ${path.join(",")}`);
  return exitCodes.ok;
}

function readingOf(run: RunState): MeterReading {
  return { ...run.meters, ledger: run.ledger };
}

function effectsText(o: RunOption, currency: string): string {
  const parts = [
    `mood ${formatDelta(o.effects.mood) || "±0"}`,
    o.effects.reputation !== 0 ? `reputation ${formatDelta(o.effects.reputation)}` : "",
    o.effects.strain !== 0 ? `strain ${formatDelta(o.effects.strain)}` : "",
    o.effects.cost !== 0 ? `cost ${formatDelta(o.effects.cost)} ${currency}` : "",
  ].filter(Boolean);
  return `(${parts.join(", ")}${o.tags.length > 0 ? `; ${o.tags.join(", ")}` : ""})`;
}

/** Matches what a trainer typed to an option: its number on screen, or its id. */
export function matchChoice(input: string, options: readonly RunOption[]): RunOption | undefined {
  const text = input.trim();
  if (/^\d+$/.test(text)) return options[Number(text) - 1];
  return options.find((o) => o.id === text);
}

function nextScripted(
  queue: string[],
  options: RunOption[],
  run: RunState,
  io: CliIo,
): RunOption | "quit" | "bad" {
  const next = queue.shift();
  if (next === undefined) {
    io.out(`(The --choices list ended here, in state "${run.stateId}", before an ending.)`);
    return "quit";
  }
  const option = matchChoice(next, options);
  if (option) {
    io.out(`> ${next}`);
    return option;
  }
  io.err(
    `Choice ${run.steps.length + 1} "${next}" is not available in state "${run.stateId}". ` +
      `The options here are: ${options.map((o, i) => `${i + 1} ${o.id}`).join(", ")}.`,
  );
  return "bad";
}

async function ask(options: RunOption[], io: CliIo): Promise<RunOption | "quit"> {
  for (;;) {
    const range = options.length === 1 ? "1" : `1-${options.length}`;
    const answer = await io.readLine?.(`Your answer (${range}, q to quit): `);
    if (answer === undefined) return "quit";
    const text = answer.trim();
    if (text === "q" || text === "quit") return "quit";
    const option = matchChoice(text, options);
    if (option) return option;
    io.out(
      text === ""
        ? `Type the number of a response, 1 to ${options.length}, or q to quit.`
        : `"${text}" is not one of the responses: type a number from 1 to ${options.length}, an option id, or q to quit.`,
    );
  }
}
