import { plansFileText, plansOfText } from "@hotseat/shared";
import type { TestPlan } from "@hotseat/shared";
import { StudioApiError, studioApi } from "../studioClient";

/**
 * The test plans of the draft open in the Studio, kept with it on the server. Every change saves the whole
 * plans text over the revision it was loaded at; a save from another tab in between is reported, not lost.
 */
export class DraftPlans {
  plans: TestPlan[] = [];
  private revision = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(
    /** The draft's id, or undefined for a built-in scenario (read-only: its plans are not editable here). */
    readonly draftId: string | undefined,
    private readonly onSaved: (outcome: { ok: true } | { ok: false; error: unknown }) => void,
  ) {}

  get editable(): boolean {
    return this.draftId !== undefined;
  }

  /** Calls `listener` whenever the plans change. */
  listen(listener: () => void): void {
    this.listeners.add(listener);
  }

  async load(): Promise<void> {
    if (this.draftId === undefined) return;
    const stored = await studioApi.plans(this.draftId);
    this.revision = stored.revision;
    this.plans = plansOfText(stored.source);
    this.changed();
  }

  /**
   * Replaces the plans and saves them; `notify` false for an edit made in a plan's own form, which must
   * not be rebuilt under the trainer's cursor. Saved under the scenario id the draft's text has now.
   */
  set(plans: TestPlan[], scenarioId: string, notify = true): Promise<void> {
    this.plans = plans;
    if (notify) this.changed();
    const draftId = this.draftId;
    if (draftId === undefined) return Promise.resolve();
    const text = plansFileText(scenarioId, plans);
    this.saving = this.saving.then(async () => {
      try {
        const saved = await studioApi.savePlans(draftId, this.revision, text);
        this.revision = saved.revision;
        this.onSaved({ ok: true });
      } catch (error) {
        this.onSaved({ ok: false, error });
      }
    });
    return this.saving;
  }

  /** True when a refusal means another tab saved the plans first. */
  static isStale(error: unknown): boolean {
    return error instanceof StudioApiError && error.code === "studio.plans-stale";
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
