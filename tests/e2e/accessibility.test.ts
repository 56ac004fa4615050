import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserTest } from "./browserTestFixture";
import { ariaOf, shoot, waitReady, waitScene, waitView } from "./harness";
import type { TraineeView } from "./harness";

// Issue 8, item 10: every trainee page usable with a screen reader and a keyboard alone. The checks read
// Chromium's accessibility tree (locator.ariaSnapshot and CDP Accessibility.getFullAXTree), and drive the
// pages with Tab, Shift+Tab and Enter only: no clicks on the phone.

const e2e = useBrowserTest();
const server = { url: () => e2e.url() };
const phone = { width: 390, height: 844 };
const laptop = { width: 1920, height: 1080 };

async function openPage(size: { width: number; height: number }, mobile: boolean): Promise<Page> {
  return e2e.open(size, { phone: mobile });
}

/** What has the keyboard focus: its id, its canvas target, its text. */
async function focused(page: Page): Promise<{ id: string; target: string; text: string; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? "",
      target: el?.dataset.target ?? "",
      text: el?.textContent ?? "",
      tag: el?.tagName ?? "",
    };
  });
}

/** Presses Tab until `check` holds for the focused element (at most `max` times); returns the presses. */
async function tabUntil(page: Page, check: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 12) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    if (check(await focused(page))) return i;
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

/** The names of the buttons and the texts in Chromium's accessibility tree for the page. */
async function axTree(page: Page): Promise<{ buttons: string[]; texts: string[]; statuses: number }> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  const live = nodes.filter((n) => !n.ignored);
  return {
    buttons: live.filter((n) => n.role?.value === "button").map((n) => n.name?.value ?? ""),
    texts: live.filter((n) => n.role?.value === "StaticText").map((n) => n.name?.value ?? ""),
    statuses: live.filter((n) => n.role?.value === "status").length,
  };
}

/** Opens the join link and joins as `name` by keyboard: the name field has the focus, Enter joins. */
async function joinByKeyboard(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${server.url()}/join/${code}`);
  await waitReady(page);
  expect((await focused(page)).id).toBe("join-name");
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await waitScene(page, "trainee");
  await waitView(page, (v) => v.role === "trainee");
}

describe("accessibility of the trainee's pages", () => {
  it("joins from the home page, votes, reads the reveal and the debrief with the keyboard alone", async () => {
    const { code, send, view: trainerView } = await e2e.hostWithSdkTrainer();

    // The home page: code, name, Join by keyboard; Tab goes on past Join (it was trapped there).
    const ana = await openPage(phone, true);
    await ana.goto(server.url());
    await waitReady(ana);
    expect((await focused(ana)).id).toBe("join-code");
    await ana.keyboard.type(code.toLowerCase());
    await ana.keyboard.press("Tab");
    expect((await focused(ana)).id).toBe("join-name");
    await ana.keyboard.type("Ana");
    await ana.keyboard.press("Tab");
    expect((await focused(ana)).id).toBe("join-button");
    await ana.keyboard.press("Tab");
    expect((await focused(ana)).id).toBe("scenario-select");
    await ana.keyboard.press("Shift+Tab");
    expect((await focused(ana)).id).toBe("join-button");
    await shoot(ana, "a11y-home-join-focus-390");
    const home = await ariaOf(ana.locator("body"));
    expect(home).toMatch(/heading "Hotseat" \[level=1\]/);
    expect(home).toMatch(/textbox "Join code"/);
    expect(home).toMatch(/button "Join"/);
    await ana.keyboard.press("Enter");
    await waitScene(ana, "trainee");
    await waitView(ana, (v) => v.role === "trainee");
    await waitView(ana, (v) => v.phase === "lobby");
    await ana.waitForFunction(() =>
      document.querySelector("#a11y [role=status]")?.textContent?.includes("Ana"),
    );

    // A laptop trainee joins through the link, also by keyboard: the name field has the focus.
    const ben = await openPage(laptop, false);
    await ben.goto(`${server.url()}/join/${code}`);
    await waitReady(ben);
    expect((await focused(ben)).id).toBe("join-name");
    await shoot(ben, "a11y-home-link-1920");
    await ben.keyboard.type("Ben");
    await ben.keyboard.press("Enter");
    await waitScene(ben, "trainee");
    await waitView(ben, (v) => v.role === "trainee");

    send("trainer.start");
    await expect.poll(() => trainerView()?.phase, { timeout: 15_000 }).not.toBe("lobby");
    send("trainer.openVote");
    const view = await waitView<TraineeView>(ana, (v) => v.can === "vote");
    const labels = view.options.map((o) => o.label);
    await ana.waitForFunction(
      (n) => document.querySelectorAll("#a11y [data-target^='option.']").length === n,
      labels.length,
    );

    // The screen reader's view of the phone: the customer's line, the meters, every option as a button.
    const snapshot = await ariaOf(ana.locator("#a11y"));
    expect(snapshot).toContain(view.customer?.line ?? "no line");
    expect(snapshot).toMatch(/Mood: \d+ of 100/);
    expect(snapshot).toMatch(/Cost: /);
    expect(snapshot).toMatch(/status: Tap a response to vote\./);
    for (const [i, label] of labels.entries()) expect(snapshot).toContain(`button "${i + 1}. ${label}"`);
    const ax = await axTree(ana);
    for (const [i, label] of labels.entries()) expect(ax.buttons).toContain(`${i + 1}. ${label}`);
    expect(ax.texts.some((text) => text.includes(view.customer?.line ?? "no line"))).toBe(true);
    expect(ax.statuses).toBe(1);
    // The canvas itself is hidden from the tree: it would only say "canvas".
    expect(await ana.locator("#game").getAttribute("aria-hidden")).toBe("true");

    // A vote by keyboard alone: Tab to the second option, Enter.
    await ana.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntil(ana, (f) => f.target.startsWith("option."));
    await ana.keyboard.press("Tab");
    const second = await focused(ana);
    expect(second.target).toBe(`option.${view.options[1]?.id}`);
    // The focus ring is the browser's own, around the canvas card the button lies on.
    const ring = await ana.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const card = window.__hotseat?.targets().find((t) => t.id === el.dataset.target);
      return { outline: `${style.outlineStyle} ${style.outlineWidth}`, box, card };
    });
    expect(ring.outline).toBe("solid 4px");
    expect(ring.card).toBeDefined();
    expect(Math.abs(ring.box.x - (ring.card?.x ?? -99))).toBeLessThan(2);
    expect(Math.abs(ring.box.y - (ring.card?.y ?? -99))).toBeLessThan(2);
    expect(Math.abs(ring.box.height - (ring.card?.h ?? -99))).toBeLessThan(2);
    await shoot(ana, "a11y-vote-focus-390");
    await ana.keyboard.press("Enter");
    await waitView<TraineeView>(ana, (v) => v.myVote === view.options[1]?.id);
    await ana.waitForFunction(
      (id) =>
        document.querySelector(`#a11y [data-target='option.${id}']`)?.getAttribute("aria-pressed") === "true",
      view.options[1]?.id,
    );
    await ana.waitForFunction(() =>
      /Voted/.test(document.querySelector("#a11y [role=status]")?.textContent ?? ""),
    );
    expect((await focused(ana)).target).toBe(`option.${view.options[1]?.id}`);
    await shoot(ana, "a11y-voted-390");

    // The laptop votes by keyboard too; its ring is shot at 1920x1080.
    await waitView<TraineeView>(ben, (v) => v.can === "vote");
    await ben.waitForFunction(() => document.querySelectorAll("#a11y [data-target^='option.']").length > 0);
    await tabUntil(ben, (f) => f.target.startsWith("option."));
    // The same answer as Ana's, so the reveal has a majority (a tie waits for the trainer).
    await ben.keyboard.press("Tab");
    await ben.keyboard.press("Enter");
    await waitView<TraineeView>(ben, (v) => v.myVote === view.options[1]?.id);
    await shoot(ben, "a11y-voted-1920");

    // The reveal: the choice and the expert's feedback arrive in a live region.
    send("trainer.reveal");
    const revealed = await waitView<TraineeView>(ana, (v) => v.phase === "revealed");
    await ana.waitForFunction(() =>
      /Expert feedback/.test(document.querySelector("#a11y")?.textContent ?? ""),
    );
    const result = revealed.result;
    const feedback = ana.locator("#a11y section[aria-live=polite]", { hasText: "Expert feedback" });
    expect(await feedback.locator("li").first().textContent()).toBe(`The class chose: ${result?.label}`);
    expect(await ana.locator("#a11y section[aria-live=polite]").count()).toBeGreaterThanOrEqual(2);
    await shoot(ana, "a11y-revealed-390");
    await shoot(ben, "a11y-revealed-1920");

    // The debrief reads as headings and lists, the chart as numbers.
    send("trainer.end");
    await waitScene(ana, "debrief");
    await ana.waitForFunction(() =>
      /Mood, step by step/.test(document.querySelector("#a11y")?.textContent ?? ""),
    );
    const debrief = await ariaOf(ana.locator("#a11y"));
    expect(debrief).toMatch(/heading "Debrief" \[level=1\]/);
    const path = ana.locator("#a11y section", { hasText: "Path taken" });
    expect((await path.locator("li").first().textContent())?.startsWith(`1. ${result?.label}`)).toBe(true);
    await shoot(ana, "a11y-debrief-390");
    await shoot(ben, "a11y-debrief-1920");
  });

  it("plays solo practice to its feedback by keyboard alone", async () => {
    const me = await openPage(phone, true);
    await me.goto(`${server.url()}/practise/ruined-hat`);
    await waitReady(me);
    const view = await waitView<TraineeView>(me, (v) => v.can === "choose");
    await me.waitForFunction(() => document.querySelectorAll("#a11y [data-target^='option.']").length > 0);
    await tabUntil(me, (f) => f.target.startsWith("option."));
    expect((await focused(me)).target).toBe(`option.${view.options[0]?.id}`);
    await me.keyboard.press("Enter");
    await waitView(me, (v) => v.stepIndex === view.stepIndex + 1 || v.phase !== "deciding");
    // The layer follows the scene's model, drawn on the frame after the view: wait for the line itself
    // (attached, not visible: the layer is read by screen readers, not drawn).
    const chosen = me.locator("#a11y li", { hasText: `Chosen: ${view.options[0]?.label}` });
    await chosen.waitFor({ state: "attached" });
    expect(await chosen.count()).toBe(1);
    await shoot(me, "a11y-solo-390");
  });

  it("runs the hot seat (seated and observing) and the teams' lobby by keyboard alone", async () => {
    const { code, room: trainer, send } = await e2e.hostWithSdkTrainer();
    const ana = await openPage(phone, true);
    await joinByKeyboard(ana, code, "Ana");
    const ben = await openPage(laptop, false);
    await joinByKeyboard(ben, code, "Ben");

    // Teams' lobby: the team choices are buttons, pressed for your own team; Ana moves by keyboard.
    trainer.send("trainer.setStyle", { type: "trainer.setStyle", style: "teams" });
    trainer.send("trainer.splitTeams", { type: "trainer.splitTeams", count: 2 });
    const placed = await waitView<TraineeView>(ana, (v) => v.teams.length === 2 && v.team !== undefined);
    const before = placed.team?.id ?? "";
    await ana.waitForFunction(() => document.querySelectorAll("#a11y [data-target^='team.']").length === 2);
    const teams = await ariaOf(ana.locator("#a11y"));
    expect(teams).toMatch(/button "Team 1 · \d+ members?" \[pressed/);
    await tabUntil(ana, (f) => f.target.startsWith("team.") && f.target !== `team.${before}`);
    await ana.keyboard.press("Enter");
    await waitView<TraineeView>(ana, (v) => v.team !== undefined && v.team.id !== before);
    await shoot(ana, "a11y-teams-lobby-390");

    // Hot seat: Ana (first to join) is seated and chooses; Ben observes and says what he would answer.
    trainer.send("trainer.setStyle", { type: "trainer.setStyle", style: "hot-seat" });
    trainer.send("trainer.passSeat", { type: "trainer.passSeat" });
    send("trainer.start");
    await waitView<TraineeView>(ana, (v) => v.can === "choose");
    await waitView<TraineeView>(ben, (v) => v.can === "mark");
    await ana.waitForFunction(() =>
      /hot seat/.test(document.querySelector("#a11y [role=status]")?.textContent ?? ""),
    );
    await ben.waitForFunction(() =>
      /Ana/.test(document.querySelector("#a11y [role=status]")?.textContent ?? ""),
    );
    await ben.waitForFunction(() => document.querySelectorAll("#a11y [data-target^='option.']").length > 0);
    await tabUntil(ben, (f) => f.target.startsWith("option."));
    await ben.keyboard.press("Enter");
    await waitView<TraineeView>(ben, (v) => v.myMark !== undefined);
    await ben.waitForFunction(() => document.querySelector("#a11y [aria-pressed=true]") !== null);
    await shoot(ben, "a11y-hotseat-observer-1920");
    await ana.waitForFunction(() => document.querySelectorAll("#a11y [data-target^='option.']").length > 0);
    await tabUntil(ana, (f) => f.target.startsWith("option."));
    await shoot(ana, "a11y-hotseat-seated-390");
    await ana.keyboard.press("Enter");
    await waitView(ana, (v) => v.phase === "revealed");
    await ana.waitForFunction(() => /Chosen/.test(document.querySelector("#a11y")?.textContent ?? ""));
  });
});
