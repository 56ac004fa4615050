import { app } from "../app/services";
import { getLocale } from "../i18n/t";
import { followingScenario, missingLanguageWarning } from "../viewModel/scenarioChoice";

/**
 * Sends "Next scenario", first asking the trainer when the scenario that follows has no text in the
 * class's language (the console's): its customer would speak another language inside these menus.
 */
export async function sendNextScenario(currentId: string | undefined): Promise<void> {
  const { conn } = app();
  try {
    const next = followingScenario(await conn.scenarios(), currentId);
    const warning = next && missingLanguageWarning(next, getLocale());
    if (warning !== undefined && !window.confirm(warning)) return;
  } catch {
    // The list only serves the warning: without it, the trainer's press still moves on.
  }
  conn.send({ type: "trainer.nextScenario" });
}
