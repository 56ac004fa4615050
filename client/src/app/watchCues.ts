import { announce } from "../a11y/announce";
import { rewindCue, rewindWords, runWitness, type RunWitness } from "../viewModel/rewindCue";
import type { Store } from "./store";

/**
 * Watches the role view for a rewind and records it in the store with the time it was seen, so the scene on
 * screen (projector, phone) shows a brief cue, and says it at once to a screen reader. Kept outside the
 * scenes because a rewind from the debrief also changes the scene.
 */
export function watchCues(store: Store, now: () => number = Date.now): () => void {
  let seen: RunWitness | undefined;
  let lastView: unknown;
  return store.subscribe((state) => {
    const view = state.view;
    if (!view || view === lastView || view.role === "trainer") return;
    lastView = view;
    const next = runWitness(view);
    const branch = view.role === "projector" ? view.branches.at(-1) : undefined;
    const undone = branch?.fromStep === view.stepIndex ? branch.steps[0]?.label : undefined;
    const cue = rewindCue(seen, next, undone);
    seen = next;
    if (!cue) return;
    const words = rewindWords(cue);
    announce(words.detail ? `${words.title}. ${words.detail}` : words.title);
    store.update({ rewound: { cue, at: now() } });
  });
}
