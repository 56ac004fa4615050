import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { groupDetailSchema, groupRecordsAnswerSchema, learnerKeyResponseSchema } from "@hotseat/shared";
import type { GroupDetail } from "@hotseat/shared";
import { TestLrs } from "../server/testLrs";
import { useBrowserTest } from "./browserTestFixture";
import { repoRoot, saveShot } from "./harness";
import type { TraineeView, TrainerView } from "./harness";

// Issue 11, item 4 (the trainer's side): a trainer creates a group in the browser and hosts for it there;
// learners (SDK phones with learner keys) play two solo sessions to an ending; the group page shows the
// learners × skills heatmap with their names, a learner's page every decision, a renew QR code, the
// export and the delete. A browser without the group's key gets the refusal in its language.
// Screenshots at 1440x900 and 1920x1080 in en and lt go to artifacts/grouppage/.

const shots = join(repoRoot, "artifacts", "grouppage");
const bt = useBrowserTest();
const rooms: Room[] = [];
afterAll(async () => {
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
});

const sizes = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** Screenshots at both sizes: the whole page, or only the screen (a modal dialog covers only that). */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await saveShot(page, join(shots, `${name}-${size.width}.png`), { fullPage });
  }
  await page.setViewportSize(sizes[0]!);
}

/** A role's latest view over the SDK, and a wait on it. */
function watch<V>(room: Room) {
  let last: V | undefined;
  const waiters: (() => void)[] = [];
  room.onMessage("view", (v: V) => {
    last = v;
    for (const w of waiters.splice(0)) w();
  });
  room.onMessage("*", () => undefined);
  const until = async (check: (v: V) => boolean, what: string, timeout = 20_000): Promise<V> => {
    const start = Date.now();
    while (last === undefined || !check(last)) {
      if (Date.now() - start > timeout)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return last;
  };
  return { until, view: () => last };
}

const ws = () => bt.url().replace(/^http/, "ws");

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${bt.url()}${path}`, init);
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Joins session `code` as the trainer (SDK, with the console's token) and as each learner's phone. */
async function seat(code: string, trainerToken: string, keys: string[]) {
  const trainerRoom = await new Client(ws()).joinById(code, { role: "trainer", trainerToken });
  rooms.push(trainerRoom);
  const trainer = watch<TrainerView>(trainerRoom);
  const phones = [];
  for (const [i, learnerKey] of keys.entries()) {
    const room = await new Client(ws()).joinById(code, {
      role: "trainee",
      learnerKey,
      reconnectKey: `phone-${i}-${code}`,
    });
    rooms.push(room);
    phones.push({ room, view: watch<TraineeView>(room) });
  }
  await trainer.until((v) => v.roster.length === keys.length, "every learner seated");
  const send = (type: string, fields: object = {}) => trainerRoom.send(type, { type, ...fields });
  return { trainer, send, phones };
}

/** A class vote to the ending: each learner votes the option at `picks[i](count)`; the trainer reveals. */
async function playClassVote(
  code: string,
  trainerToken: string,
  keys: string[],
  picks: ((n: number) => number)[],
) {
  const { trainer, send, phones } = await seat(code, trainerToken, keys);
  send("trainer.start");
  for (let step = 0; ; step++) {
    const ready = await trainer.until(
      (v) => v.controls.openVote || v.controls.showEnding || v.ending !== undefined,
      `step ${step} or the ending`,
    );
    if (!ready.controls.openVote) {
      if (ready.controls.showEnding) send("trainer.showEnding");
      return;
    }
    send("trainer.openVote");
    await Promise.all(
      phones.map(async ({ room, view }, i) => {
        const v = await view.until((x) => x.can === "vote" && x.stepIndex === step, `vote ${step}`);
        const option = v.options[picks[i]!(v.options.length)]!;
        room.send("trainee.vote", { type: "trainee.vote", optionId: option.id, stepIndex: step });
      }),
    );
    await trainer.until((v) => Object.keys(v.votes).length === keys.length, "every vote in");
    send("trainer.reveal");
    await trainer.until((v) => v.history.length === step + 1, `reveal ${step}`);
  }
}

/** Solo practice to the ending for one learner, picking the option at `pick(step, count)`. */
async function playSolo(
  code: string,
  trainerToken: string,
  key: string,
  pick: (step: number, n: number) => number,
) {
  const { trainer, send, phones } = await seat(code, trainerToken, [key]);
  send("trainer.setStyle", { style: "solo" });
  await trainer.until((v) => v.style === "solo", "solo style");
  send("trainer.start");
  const { room, view } = phones[0]!;
  for (let step = 0; ; step++) {
    // Solo moves on by itself after each choice; after the last one no option is left to choose.
    const v = await view.until(
      (x) =>
        (x.can === "choose" && x.stepIndex === step) || (x.phase === "revealed" && x.options.length === 0),
      `step ${step} or the last reveal`,
    );
    if (v.can !== "choose") break;
    const option = v.options[pick(step, v.options.length)]!;
    room.send("trainee.choose", { type: "trainee.choose", optionId: option.id, stepIndex: step });
  }
  const end = await trainer.until((v) => v.controls.showEnding || v.ending !== undefined, "the ending");
  if (end.controls.showEnding) send("trainer.showEnding");
}

/** Hosts a session of `scenarioId` for the group over HTTP. */
async function hostForGroup(scenarioId: string, groupId: string, groupKey: string) {
  return (await call("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId, groupId, groupKey }),
  })) as { code: string; trainerToken: string };
}

describe("the trainer's group page", () => {
  it("creates a group, hosts for it, and shows its learners' heatmap and a learner's every decision", async () => {
    mkdirSync(shots, { recursive: true });
    const page = await bt.open(sizes[0]!);
    // The home page leads a trainer to their groups.
    await page.goto(bt.url());
    const groupsLink = page.getByRole("link", { name: "Groups and learning records" });
    await groupsLink.waitFor();
    await shoot(page, "home-en", false);
    await groupsLink.click();
    await page.waitForURL(/\/groups$/);
    await page.getByText("This browser keeps no group's key yet.").waitFor();
    // The trainer password is asked for only when this server wants one (this one does not).
    expect(await page.getByLabel("Trainer password").isVisible()).toBe(false);

    // A bad roster line is named, and nothing typed is lost.
    await page.getByLabel("Name", { exact: true }).fill("Helpdesk, spring cohort");
    const roster = page.getByLabel("Learners, one a line", { exact: true });
    await roster.fill("Ann Nowak; 4711; ann@example.com\nBob Lis; bob@nowhere\nDaina Petraitė");
    await page.getByRole("button", { name: "Create group" }).click();
    await expect
      .poll(() => page.locator("#gp-create-error").textContent())
      .toBe("Line 2 (“Bob Lis; bob@nowhere”): the e-mail address is not valid.");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Helpdesk, spring cohort");
    await roster.fill("Ann Nowak; 4711; ann@example.com\nBob Lis; bob@example.com\nDaina Petraitė");
    await page.getByRole("button", { name: "Create group" }).click();
    await page.getByText("Group “Helpdesk, spring cohort” created.").waitFor();
    const keys = await page.evaluate(() => localStorage.getItem("hotseat.groupKeys"));
    const [groupId, groupKey] = Object.entries(JSON.parse(keys ?? "{}") as Record<string, string>)[0]!;
    const tree = await page.locator("main").ariaSnapshot();
    expect(tree).toContain('table "The groups whose keys this browser keeps"');
    expect(tree).toContain('rowheader "Helpdesk, spring cohort"');
    await shoot(page, "groups-list-en");

    // Host for the group from the list: the console opens with the group's session.
    await page.getByLabel("Scenario to host").selectOption("late-courier");
    await page.getByRole("button", { name: "Host a session for Helpdesk, spring cohort" }).click();
    await page.waitForURL(/\/trainer\/[A-Z0-9]+$/);
    const code = page.url().split("/").pop()!;
    const token = await page.evaluate((c) => localStorage.getItem(`hotseat.trainer.${c}`), code);
    expect(token).toBeTruthy();
    await page.goto(`${bt.url()}/groups`);

    // Three phones pick their names (as the roster picker does) and play two workshops to an ending.
    const auth = { authorization: `Bearer ${groupKey}` };
    const detail: GroupDetail = groupDetailSchema.parse(
      await call(`/api/groups/${groupId}`, { headers: auth }),
    );
    expect(detail.roster.map((l) => l.displayName)).toEqual(["Ann Nowak", "Bob Lis", "Daina Petraitė"]);
    const claim = async (learnerId: string) =>
      learnerKeyResponseSchema.parse(
        await call(`/api/sessions/${code}/learners`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ learnerId }),
        }),
      ).learnerKey;
    const [ann, bob, daina] = await Promise.all(detail.roster.map((l) => claim(l.learnerId)));
    // Workshop 1: a class vote (Ann and Daina agree, so there is no tie); then Ann and Bob practise alone.
    await playClassVote(code, token!, [ann!, bob!, daina!], [() => 0, (n) => n - 1, () => 0]);
    const soloAnn = await hostForGroup("wrong-customer", groupId, groupKey);
    await playSolo(soloAnn.code, soloAnn.trainerToken, ann!, () => 0);
    const soloBob = await hostForGroup("wrong-customer", groupId, groupKey);
    await playSolo(soloBob.code, soloBob.trainerToken, bob!, (step, n) => (step + 1) % n);
    await expect
      .poll(
        async () =>
          groupRecordsAnswerSchema
            .parse(await call(`/api/groups/${groupId}/records`, { headers: auth }))
            .records.map((r) => r.runs.filter((run) => run.ending !== undefined).length),
        // Every group request counts against the address's guess budget (httpLimits): ask twice a second.
        { timeout: 20_000, interval: 500 },
      )
      .toEqual([2, 2, 1]);

    // The group page: learners × skills with their names, customer types, the trend.
    await page.getByRole("link", { name: "Helpdesk, spring cohort" }).click();
    const heatmap = page.getByRole("table", { name: "Learners × skills: latest score" });
    await heatmap.waitFor();
    const heat = await heatmap.ariaSnapshot();
    for (const name of ["Ann Nowak", "Bob Lis", "Daina Petraitė"])
      expect(heat).toContain(`rowheader "${name}"`);
    expect(heat).toMatch(/columnheader "(Listening|Acknowledging the emotion|Solving the problem)"/);
    const types = await page
      .getByRole("table", { name: "Learners × customer types: mean score of their runs" })
      .ariaSnapshot();
    expect(types).toContain('columnheader "Aggressive"');
    expect(types).toContain('columnheader "Mistaken"');
    expect(
      await page.getByRole("img", { name: "The group's mean score per skill in each session" }).count(),
    ).toBe(1);
    await shoot(page, "group-en");
    // A late arrival goes on the closed list from the group page; a bad line is named first.
    const add = page.getByLabel("Add learners, one a line", { exact: true });
    await add.fill("Eve Ito; eve@");
    await page.getByRole("button", { name: "Add to the list" }).click();
    await expect
      .poll(() => page.locator("#gp-add-error").textContent())
      .toBe("Line 1 (“Eve Ito; eve@”): the e-mail address is not valid.");
    await add.fill("Eve Ito; E-77");
    await page.getByRole("button", { name: "Add to the list" }).click();
    await page.getByRole("table", { name: "The group's list of names" }).getByText("E-77").waitFor();
    expect(await page.locator(".gp-facts").textContent()).toContain("4 learners");
    // The page as a screen reader gets it, kept beside the screenshots to read.
    writeFileSync(join(shots, "group-en.aria.yaml"), await page.locator("body").ariaSnapshot());

    // The LMS part: the group's CSV, and a real LRS (started here) that gets the record so far once set.
    const status = page.locator("#gp-lrs-status");
    await expect.poll(() => status.textContent()).toBe("No LRS is set: no statements are sent.");
    const href = await page.locator("#gp-lms-csv").getAttribute("href");
    const csv = await (await fetch(`${bt.url()}${href ?? ""}`)).text();
    expect(csv).toContain("Ann Nowak");
    const lrs = new TestLrs();
    await lrs.start();
    try {
      await page.getByLabel("LRS endpoint (xAPI)").fill("not a web address");
      await page.getByRole("button", { name: "Send to this LRS" }).click();
      await expect
        .poll(() => page.locator("#gp-lrs-error").textContent())
        .toBe("The endpoint must be a web address starting with https:// or http://.");
      await page.getByLabel("LRS endpoint (xAPI)").fill(lrs.endpoint);
      await page.getByLabel("Key", { exact: true }).fill(lrs.key);
      await page.getByLabel("Secret", { exact: true }).fill(lrs.secret);
      await page.getByRole("button", { name: "Send to this LRS" }).click();
      await expect.poll(() => status.textContent()).toContain(`Sends to ${lrs.endpoint} as ${lrs.key}`);
      await expect.poll(() => lrs.stored.length).toBeGreaterThan(0);
      await expect
        .poll(async () => {
          await page.getByRole("button", { name: "Send now" }).click();
          return status.textContent();
        })
        .toMatch(/: [1-9]\d* sent, 0 waiting, 0 refused\.$/);
      await shoot(page, "group-lms-en");
      await page.getByRole("button", { name: "Stop sending" }).click();
      await expect.poll(() => status.textContent()).toBe("No LRS is set: no statements are sent.");
    } finally {
      await lrs.stop();
    }

    // For the projector: the group's averages, and no one's name or own score.
    await page.getByRole("link", { name: "For the projector: the group's averages, naming nobody" }).click();
    await page.locator(".gp-wall").waitFor();
    const wallText = (await page.locator("main").textContent()) ?? "";
    for (const name of ["Ann Nowak", "Bob Lis", "Daina", "Eve Ito"]) expect(wallText).not.toContain(name);
    expect(wallText).toContain("3 learners have played");
    expect(await page.getByRole("meter", { name: "Listening" }).getAttribute("aria-valuenow")).toMatch(
      /^\d+$/,
    );
    await shoot(page, "group-wall-en", false);
    await page.getByRole("link", { name: "Back to the group's page" }).click();
    await page.getByRole("table", { name: "Learners × skills: latest score" }).waitFor();

    // One learner's page, reached by keyboard: every decision, with the gap to the best.
    const annLink = heatmap.getByRole("link", { name: "Ann Nowak" });
    await annLink.focus();
    await page.keyboard.press("Enter");
    const decisions = page.getByRole("table", { name: /^The birthday present in the depot · / });
    await decisions.waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ann Nowak");
    expect(await decisions.locator("tbody tr").count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByRole("table", { name: /^Europe, like at home · / }).count()).toBe(1);
    const decisionTree = await decisions.ariaSnapshot();
    expect(decisionTree).toContain('rowheader "opening');
    expect(decisionTree).toMatch(/the best open|mood −\d+|cost \+\d+/);
    await page.getByRole("button", { name: "Renew link (QR code)" }).click();
    await page.getByRole("img", { name: "QR code of Ann Nowak's renew link" }).waitFor();
    expect(await page.locator(".gp-link-text").textContent()).toMatch(/\/#renew=/);
    await shoot(page, "learner-en");
    writeFileSync(join(shots, "learner-en.aria.yaml"), await page.locator("body").ariaSnapshot());

    // The privacy export: everything kept about her, as a file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export data (JSON)" }).click(),
    ]);
    const saved = join(shots, "export-ann.json");
    await download.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, "utf8")) as {
      learner: { displayName: string; employeeId?: string };
      runs: unknown[];
    };
    expect(exported.learner).toMatchObject({ displayName: "Ann Nowak", employeeId: "4711" });
    expect(exported.runs).toHaveLength(2);

    // Deleting Daina asks first; cancelling keeps her, confirming forgets her name but not her runs.
    await page.goto(`${bt.url()}/groups/${groupId}/${detail.roster[2]!.learnerId}`);
    await page.getByRole("button", { name: "Delete learner…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Daina Petraitė?" });
    await dialog.waitFor();
    await shoot(page, "delete-confirm-en", false);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Delete learner…" }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByText("The learner was deleted.").waitFor();
    const after = await page.getByRole("table", { name: "Learners × skills: latest score" }).ariaSnapshot();
    expect(after).not.toContain("Daina");
    expect(await page.locator(".gp-facts").textContent()).toContain(
      "1 run of a deleted learner, counted without a name",
    );

    // The same pages in Lithuanian.
    await page.evaluate(() => localStorage.setItem("hotseat.locale", "lt"));
    await page.goto(`${bt.url()}/groups/${groupId}`);
    await page.getByRole("table", { name: "Dalyviai × įgūdžiai: naujausias balas" }).waitFor();
    await shoot(page, "group-lt");
    await page.goto(`${bt.url()}/groups/${groupId}/${detail.roster[0]!.learnerId}`);
    await page.getByRole("heading", { name: "Visi sprendimai" }).waitFor();
    await shoot(page, "learner-lt");
    await page.goto(`${bt.url()}/groups`);
    await page.getByRole("button", { name: "Pradėti sesiją" }).waitFor();
    await shoot(page, "groups-list-lt");

    // Another trainer's browser (no key) is refused, in its language, and sees no name.
    const other = await bt.open(sizes[0]!, { locale: "lt" });
    await other.goto(`${bt.url()}/groups/${groupId}`);
    const refusal = other.getByRole("alert");
    await expect
      .poll(() => refusal.textContent())
      .toBe("Ši naršyklė neturi šios grupės rakto. Atidarykite grupę naršyklėje, kurioje ji buvo sukurta.");
    expect(await other.locator("main").textContent()).not.toContain("Ann");
    await shoot(other, "refused-lt");
  }, 240_000);
});
