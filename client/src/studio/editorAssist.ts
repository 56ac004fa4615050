import { autocompletion } from "@codemirror/autocomplete";
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { Extension, Text } from "@codemirror/state";
import { hoverTooltip } from "@codemirror/view";
import { completionsAt } from "./completionsAt";
import { fieldCompletionsAt, scenarioWordsOf } from "./fieldCompletions";
import type { ScenarioWords } from "./fieldCompletions";
import { helpAt } from "./fieldDocs";

// One parse of the text per version of the document, however many completions a keystroke asks for, and
// none at all while the cursor is where nothing completes (typing a text): parsing the flagship's 137 KB
// costs tens of milliseconds, on the keystroke's own path.
const wordsCache = new WeakMap<Text, ScenarioWords>();
function wordsOf(doc: Text): ScenarioWords {
  let words = wordsCache.get(doc);
  if (!words) {
    words = scenarioWordsOf(doc.toString());
    wordsCache.set(doc, words);
  }
  return words;
}
function lazyWordsOf(doc: Text): ScenarioWords {
  return {
    get stateIds() {
      return wordsOf(doc).stateIds;
    },
    get optionIds() {
      return wordsOf(doc).optionIds;
    },
    get costItems() {
      return wordsOf(doc).costItems;
    },
    get facts() {
      return wordsOf(doc).facts;
    },
    get declaredTags() {
      return wordsOf(doc).declaredTags;
    },
  };
}

const detailOf: Record<string, string> = {
  target: "state id",
  emotion: "emotion",
  outcome: "outcome",
  tag: "technique tag",
};

function completionSource(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const line = state.doc.lineAt(pos);
  const prefix = line.text.slice(0, pos - line.from);
  const words = lazyWordsOf(state.doc);
  // The state ids are read only where one completes (after `target:` or `initial:`).
  const kind = completionsAt(prefix, [])?.kind;
  const basic =
    kind === undefined
      ? undefined
      : completionsAt(
          prefix,
          kind === "target" ? words.stateIds : [],
          kind === "tag" ? words.declaredTags : [],
        );
  let from: number;
  let options: Completion[];
  if (basic) {
    from = basic.from;
    options = basic.words.map((label) => ({
      label,
      detail: detailOf[basic.kind] ?? basic.kind,
      type: basic.kind === "target" ? "variable" : "keyword",
    }));
  } else {
    const found = fieldCompletionsAt(
      state.doc.sliceString(0, line.from),
      prefix,
      line.text.slice(pos - line.from),
      words,
    );
    if (!found) return null;
    from = found.from;
    options = found.items.map((item) => ({
      label: item.label,
      detail: item.detail,
      type: found.kind === "guard" || found.kind === "action" ? "function" : "property",
      ...(item.apply !== undefined ? { apply: item.apply } : {}),
    }));
  }
  if (options.length === 0 && !context.explicit) return null;
  return { from: line.from + from, options, validFor: /^[A-Za-z0-9-]*$/ };
}

/** The editor's completions (ids, words, actions and guards with params) and its hover help on fields. */
export function editorAssist(): Extension {
  return [
    autocompletion({ override: [completionSource] }),
    hoverTooltip((view, pos) => {
      const line = view.state.doc.lineAt(pos);
      const help = helpAt(line.text, pos - line.from);
      if (!help) return null;
      return {
        pos: line.from + help.from,
        end: line.from + help.to,
        above: true,
        create: () => {
          const dom = document.createElement("div");
          dom.className = "studio-help";
          const title = document.createElement("strong");
          title.textContent = help.title;
          const text = document.createElement("p");
          text.textContent = help.text;
          dom.append(title, text);
          return { dom };
        },
      };
    }),
  ];
}
