/** A button of the accessible layer; `id` is the canvas target it stands for (e.g. `option.listen`). */
export type A11yButton = { id: string; text: string; pressed?: boolean; disabled?: boolean };

/**
 * One block of the accessible layer, in reading order. `key` keeps a block's element across updates, so a
 * live region announces changes and a focused button keeps its focus. `live: "polite"` reads changes out
 * when the reader is idle; `live: "status"` is the page's status line (role=status).
 */
export type A11yBlock =
  | { key: string; kind: "heading"; level: 1 | 2; text: string }
  | { key: string; kind: "text"; text: string; live?: "polite" | "status" }
  | { key: string; kind: "list"; label: string; items: string[]; live?: "polite" }
  | { key: string; kind: "buttons"; label: string; buttons: A11yButton[] };

/** What the accessible layer shows for one screen: a name for the page region and its blocks. */
export type A11yDoc = { label: string; blocks: A11yBlock[] };
