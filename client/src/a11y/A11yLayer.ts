import type Phaser from "phaser";
import { t } from "../i18n/t";
import { activateHit, hitTargets, type HitTarget } from "../ui/hitRegistry";
import type { A11yBlock, A11yButton, A11yDoc } from "./a11yDoc";

/** How long a new live region waits before its first text, so screen readers notice the change. */
const liveDelayMs = 120;

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className = ""): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * The accessible DOM layer of a canvas scene: headings, texts, lists and real buttons in reading order,
 * kept in step with what the scene draws. Texts are visually hidden (the canvas shows them); each button lies
 * transparently over its canvas card, so the browser's focus ring rings the card, taps still reach the
 * canvas, and Enter or a screen reader's activation runs exactly what a tap on the card runs.
 */
export class A11yLayer {
  private root?: HTMLElement;
  private readonly blocks = new Map<string, HTMLElement>();
  /** The doc's buttons and the mirrored canvas-only ones, by canvas target id. */
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly mirrored = new Map<string, HTMLButtonElement>();
  private mirrorKey = "";
  private readonly placed = new WeakMap<HTMLButtonElement, string>();
  /** Texts waiting for their new live region to be noticed (see `fill`). */
  private readonly pending = new WeakMap<HTMLElement, () => void>();

  /** `mirrorTargets`: also offer every other canvas button (one the doc does not name) as a DOM button. */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: { mirrorTargets?: boolean } = {},
  ) {
    scene.events.once("shutdown", () => this.destroy());
  }

  /** Whether this layer has been given a page: the keyboard then belongs to the DOM. */
  get active(): boolean {
    return this.root !== undefined;
  }

  /** Shows `doc`, reusing the elements of blocks with the same key (live regions then announce changes). */
  render(doc: A11yDoc): void {
    const root = this.ensureRoot();
    root.setAttribute("aria-label", doc.label);
    const wanted = new Set([...doc.blocks.map((b) => b.key), "mirror"]);
    for (const [key, el] of this.blocks)
      if (!wanted.has(key)) {
        el.remove();
        this.blocks.delete(key);
      }
    this.buttons.clear();
    doc.blocks.forEach((block, i) => {
      const el = this.blockElement(block, this.buttons);
      // Move only what is out of place: moving a focused button would drop the focus.
      const at = root.children[i];
      if (at !== el) root.insertBefore(el, at ?? null);
    });
    // The doc may now name a button that was mirrored.
    this.mirrorKey = "";
  }

  /** Runs every frame: places each button over its canvas target, and mirrors canvas-only buttons. */
  sync(): void {
    if (!this.root) return;
    const game = this.scene.game;
    const targets = hitTargets(game.canvas, game.scale.width, game.scale.height);
    if (this.options.mirrorTargets) this.mirror(targets);
    const byId = new Map(targets.map((tg) => [tg.id, tg]));
    for (const [id, button] of [...this.buttons, ...this.mirrored]) this.place(button, byId.get(id));
  }

  /** Removes the layer from the page. */
  destroy(): void {
    this.root?.remove();
    this.root = undefined;
    this.blocks.clear();
    this.buttons.clear();
    this.mirrored.clear();
  }

  private ensureRoot(): HTMLElement {
    if (this.root) return this.root;
    document.getElementById("a11y")?.remove();
    const root = make("main");
    root.id = "a11y";
    // Before the overlay's forms, so the page reads (and tabs) top to bottom.
    const overlay = document.getElementById("overlay");
    document.body.insertBefore(root, overlay);
    this.root = root;
    return root;
  }

  private blockElement(block: A11yBlock, buttons: Map<string, HTMLButtonElement>): HTMLElement {
    let el = this.blocks.get(block.key);
    if (el && el.dataset.kind !== block.kind) {
      el.remove();
      el = undefined;
    }
    const fresh = !el;
    if (!el) {
      el = this.create(block);
      el.dataset.kind = block.kind;
      this.blocks.set(block.key, el);
    }
    this.fill(el, block, fresh, buttons);
    return el;
  }

  private create(block: A11yBlock): HTMLElement {
    switch (block.kind) {
      case "heading":
        return make(block.level === 1 ? "h1" : "h2", "hs-sr");
      case "text": {
        const p = make("p", "hs-sr");
        if (block.live === "status") p.setAttribute("role", "status");
        else if (block.live) p.setAttribute("aria-live", block.live);
        return p;
      }
      case "list": {
        const section = make("section", "hs-sr");
        if (block.live) section.setAttribute("aria-live", block.live);
        const head = make("h2");
        head.id = `a11y-${block.key}`;
        section.setAttribute("aria-labelledby", head.id);
        section.append(head, make("ul"));
        return section;
      }
      case "buttons": {
        const group = make("div", "hs-a11y-group");
        group.setAttribute("role", "group");
        const head = make("h2", "hs-sr");
        head.id = `a11y-${block.key}`;
        group.setAttribute("aria-labelledby", head.id);
        group.append(head);
        return group;
      }
    }
  }

  private fill(
    el: HTMLElement,
    block: A11yBlock,
    fresh: boolean,
    buttons: Map<string, HTMLButtonElement>,
  ): void {
    // A live region that appears with its text is often not read; it gets its text a moment later, and
    // then the latest text: an update in the meantime must not be overwritten by the first one.
    const later = (f: () => void) => {
      if (fresh && "live" in block && block.live) {
        this.pending.set(el, f);
        // Marked so that a test reads the page once every text has arrived (tests/e2e/harness.ts).
        el.dataset.pending = "";
        setTimeout(() => {
          const latest = this.pending.get(el);
          this.pending.delete(el);
          delete el.dataset.pending;
          latest?.();
        }, liveDelayMs);
      } else if (this.pending.has(el)) this.pending.set(el, f);
      else f();
    };
    switch (block.kind) {
      case "heading":
        setText(el, block.text);
        return;
      case "text":
        later(() => setText(el, block.text));
        return;
      case "list": {
        setText(el.querySelector("h2") as HTMLElement, block.label);
        const ul = el.querySelector("ul") as HTMLUListElement;
        const same =
          ul.children.length === block.items.length &&
          block.items.every((item, i) => ul.children[i]?.textContent === item);
        if (!same)
          later(() =>
            ul.replaceChildren(
              ...block.items.map((item) => {
                const li = make("li");
                li.textContent = item;
                return li;
              }),
            ),
          );
        return;
      }
      case "buttons":
        setText(el.querySelector("h2") as HTMLElement, block.label);
        this.fillButtons(el, block.buttons, buttons);
        return;
    }
  }

  /** Buttons are reused by position, so the focus stays on "the first option" when the options change. */
  private fillButtons(group: HTMLElement, list: A11yButton[], buttons: Map<string, HTMLButtonElement>): void {
    const existing = [...group.querySelectorAll<HTMLButtonElement>("button")];
    list.forEach((spec, i) => {
      let button = existing[i];
      if (!button) {
        button = this.createButton();
        group.append(button);
      }
      button.dataset.target = spec.id;
      setText(button, spec.text);
      if (spec.pressed === undefined) button.removeAttribute("aria-pressed");
      else button.setAttribute("aria-pressed", String(spec.pressed));
      // aria-disabled, not disabled: a disabled button leaves the tab order and a reader would not find it.
      if (spec.disabled) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
      buttons.set(spec.id, button);
    });
    for (const extra of existing.slice(list.length)) extra.remove();
  }

  private createButton(): HTMLButtonElement {
    const button = make("button", "hs-a11y-button hs-sr");
    button.type = "button";
    button.addEventListener("click", () => {
      const id = button.dataset.target;
      if (id && button.getAttribute("aria-disabled") !== "true") activateHit(id);
    });
    button.addEventListener("focus", () => this.reveal(button));
    return button;
  }

  /** Scrolls a long phone page so the canvas card of a newly focused button is on screen. */
  private reveal(button: HTMLButtonElement): void {
    const game = this.scene.game;
    const target = hitTargets(game.canvas, game.scale.width, game.scale.height).find(
      (tg) => tg.id === button.dataset.target,
    );
    if (!target) return;
    const view = window.innerHeight;
    if (target.y >= 0 && target.y + target.h <= view) return;
    const cam = this.scene.cameras.main;
    const scale = game.canvas.getBoundingClientRect().height / game.scale.height || 1;
    cam.scrollY = Math.max(0, cam.scrollY + (target.y - view / 3) / scale);
  }

  private place(button: HTMLButtonElement, target: HitTarget | undefined): void {
    const where = target ? `${target.x},${target.y},${target.w},${target.h}` : "";
    if (this.placed.get(button) === where) return;
    this.placed.set(button, where);
    if (!target) {
      button.className = "hs-a11y-button hs-sr";
      button.removeAttribute("style");
      return;
    }
    button.className = "hs-a11y-button hs-a11y-over";
    Object.assign(button.style, {
      left: `${target.x}px`,
      top: `${target.y}px`,
      width: `${target.w}px`,
      height: `${target.h}px`,
    });
  }

  /** Canvas buttons the doc does not name (a scene's own controls) get DOM buttons too, in reading order. */
  private mirror(targets: HitTarget[]): void {
    const named = new Set(this.buttons.keys());
    const others = targets
      .filter((tg) => !named.has(tg.id))
      .sort((a, b) => (Math.abs(a.y - b.y) > 8 ? a.y - b.y : a.x - b.x));
    const key = JSON.stringify(others.map((tg) => [tg.id, tg.label, tg.enabled]));
    if (key === this.mirrorKey) return;
    this.mirrorKey = key;
    this.mirrored.clear();
    if (!others.length) {
      this.blocks.get("mirror")?.remove();
      this.blocks.delete("mirror");
      return;
    }
    const block: A11yBlock = {
      key: "mirror",
      kind: "buttons",
      label: t("a11y.controls"),
      buttons: others.map((tg) => ({ id: tg.id, text: tg.label, disabled: !tg.enabled })),
    };
    const el = this.blockElement(block, this.mirrored);
    if (el.parentElement !== this.root) this.root?.append(el);
  }
}
