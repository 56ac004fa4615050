import type { RoleView } from "./store";

/** The scenes that show a session. */
export type SessionSceneKey = "trainee" | "projector" | "trainer" | "debrief";

/**
 * The one phase → scene rule: every role shows the debrief once the scenario has ended, and its own
 * scene otherwise. Scenes ask it on every view instead of each keeping its own copy of the rule.
 */
export function sceneFor(view: Pick<RoleView, "role" | "phase">): SessionSceneKey {
  return view.phase === "debrief" ? "debrief" : view.role;
}
