import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroupResponseSchema } from "@hotseat/shared";
import { Pages, repoRoot, shared, waitView, saveShot } from "./harness";
import type { TraineeView } from "./harness";

// Issue 11, item 1: on a group session's join link a phone picks its name from the roster, keeps the
// learner key, and the next time says who it plays as. Screenshots go to artifacts/learners/.

const shots = join(repoRoot, "artifacts", "learners");
const server = { url: "" };
let browser: Browser;
let pages: Pages;
const rooms: Room[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await saveShot(page, join(shots, `${name}.png`));
}

type Group = { group: { groupId: string }; groupKey: string };

async function newGroup(): Promise<Group> {
  const created = await fetch(`${server.url}/api/groups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "Helpdesk, spring cohort",
      openRoster: true,
      roster: [{ displayName: "Ann Nowak" }, { displayName: "Bob Lis" }, { displayName: "Grażyna Wójcik" }],
    }),
  });
  return createGroupResponseSchema.parse(await created.json());
}

async function groupSession(group: Group): Promise<string> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      scenarioId: "ruined-hat",
      groupId: group.group.groupId,
      groupKey: group.groupKey,
    }),
  });
  const hosted = (await res.json()) as { code: string; trainerToken: string };
  const trainer = await new Client(server.url.replace(/^http/, "ws")).joinById(hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  trainer.onMessage("*", () => undefined);
  rooms.push(trainer);
  return hosted.code;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server.url = shared.serverUrl();
  browser = await shared.browser();
  pages = new Pages(browser);
}, 60_000);

afterAll(async () => {
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
  await pages?.close();
  await browser?.close();
});

describe("the roster picker of a group session", () => {
  it("lets a phone pick its name, keeps the key, and greets it by name next time", async () => {
    const group = await newGroup();
    const code = await groupSession(group);
    const ann = await pages.open({ width: 390, height: 844 }, { phone: true });
    await ann.goto(`${server.url}/join/${code}`);
    await ann.locator(".hs-dom-roster").waitFor({ state: "visible" });
    expect(await ann.locator("#join-name").isVisible()).toBe(false);
    await shot(ann, "roster-picker-en-390");
    const tree = await ann.locator("#dom-join").ariaSnapshot();
    expect(tree).toContain('radio "Ann Nowak"');
    expect(tree).toContain('radio "My name is not on the list"');
    // Joining without a pick says what is missing.
    await ann.click("#join-button");
    await expect.poll(() => ann.textContent("#join-error")).toBe("Pick your name from the list.");
    await ann.getByLabel("Ann Nowak").check();
    await ann.click("#join-button");
    const view = await waitView<TraineeView>(
      ann,
      (v) => v.me.name === "Ann Nowak",
      "Ann seated by her roster name",
    );
    expect(view.me.name).toBe("Ann Nowak");

    // A second phone, in Polish: Ann's name is taken; the open roster takes a new name.
    const other = await pages.open({ width: 390, height: 844 }, { phone: true, locale: "pl" });
    await other.goto(`${server.url}/join/${code}`);
    await other.locator(".hs-dom-roster").waitFor({ state: "visible" });
    expect(await other.getByLabel("Ann Nowak (na innym telefonie)").isDisabled()).toBe(true);
    await other.getByLabel("Nie ma mnie na liście").check();
    await other.locator("#join-name").waitFor({ state: "visible" });
    await other.fill("#join-name", "Ewa");
    await shot(other, "roster-picker-pl-390");
    await other.click("#join-button");
    await waitView<TraineeView>(other, (v) => v.me.name === "Ewa", "Ewa added to the open roster");

    // Ann's next workshop: the phone remembers her.
    const next = await groupSession(group);
    await ann.goto(`${server.url}/join/${next}`);
    await ann.locator(".hs-dom-roster-you").waitFor({ state: "visible" });
    expect(await ann.textContent(".hs-dom-roster-you")).toContain("Ann Nowak");
    await shot(ann, "roster-known-en-390");
    await ann.click("#join-button");
    await waitView<TraineeView>(ann, (v) => v.me.name === "Ann Nowak", "Ann back under her record");
  });
});
