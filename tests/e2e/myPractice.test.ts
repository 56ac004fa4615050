import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createGroupResponseSchema, learnerProfile, myRecordAnswerSchema } from "@hotseat/shared";
import type { LearnerKeyResponse, TrainerView } from "@hotseat/shared";
import type { MessageKey } from "../../client/src/i18n/en";
import { t } from "../../client/src/i18n/t";
import { useBrowserTest } from "./browserTestFixture";
import { clickTarget, repoRoot, waitReady, waitScene, waitView, saveShot } from "./harness";
import type { TraineeView } from "./harness";

// Issue 11, "My practice" with a real server: two phones of a group session pick their names from the
// roster, vote through a class vote to an ending and the debrief, then open My practice from the home
// page's link and see their own skills (named bars) and the scenario's customer type, in English and
// in Polish. Screenshots go to artifacts/learners/.

const e2e = useBrowserTest();
const shots = join(repoRoot, "artifacts", "learners");
const phone = { width: 390, height: 844 };
const leave: (() => Promise<unknown>)[] = [];
afterAll(async () => Promise.all(leave.map((f) => f().catch(() => 0))));

type Trainer = {
  code: string;
  send: (type: string, fields?: Record<string, unknown>) => void;
  view: () => TrainerView | undefined;
};

/** A group of three on a closed roster, and one of its sessions hosted with an SDK trainer. */
async function groupSession(): Promise<Trainer> {
  const created = await fetch(`${e2e.url()}/api/groups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "Helpdesk, spring cohort",
      roster: [{ displayName: "Ann Nowak" }, { displayName: "Bartek Lis" }, { displayName: "Ewa Wójcik" }],
    }),
  });
  const group = createGroupResponseSchema.parse(await created.json());
  const res = await fetch(`${e2e.url()}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      scenarioId: "ruined-hat",
      groupId: group.group.groupId,
      groupKey: group.groupKey,
    }),
  });
  expect(res.status).toBe(201);
  const hosted = (await res.json()) as { code: string; trainerToken: string };
  const room = await new Client(e2e.url().replace(/^http/, "ws")).joinById(hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  leave.push(() => room.leave(true));
  let last: TrainerView | undefined;
  room.onMessage("view", (v: TrainerView) => (last = v));
  room.onMessage("*", () => undefined);
  return {
    code: hosted.code,
    send: (type, fields = {}) => room.send(type, { type, ...fields }),
    view: () => last,
  };
}

/** A phone that opens the join link and picks `name` from the roster, in `locale`. */
async function seat(code: string, name: string, locale: "en" | "pl"): Promise<Page> {
  const page = await e2e.open(phone, { phone: true, locale });
  await page.goto(`${e2e.url()}/join/${code}`);
  await page.locator(".hs-dom-roster").waitFor({ state: "visible" });
  await page.getByLabel(name, { exact: true }).check();
  await page.click("#join-button");
  await waitView<TraineeView>(page, (v) => v.me.name === name, `${name} seated`);
  return page;
}

/** The learner key the join flow kept on this phone (there is one group). */
async function keyOn(page: Page): Promise<LearnerKeyResponse> {
  const saved = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("hotseat.learner.") && !k.startsWith("hotseat.learner.code."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(saved).toHaveLength(1);
  return JSON.parse(saved[0] ?? "") as LearnerKeyResponse;
}

describe("My practice on a phone", () => {
  it("shows each learner their own skills and the customer type after a class vote, in English and Polish", async () => {
    mkdirSync(shots, { recursive: true });
    const trainer = await groupSession();
    const ann = await seat(trainer.code, "Ann Nowak", "en");
    const bartek = await seat(trainer.code, "Bartek Lis", "pl");
    for (const p of [ann, bartek]) {
      await waitReady(p);
      await waitScene(p, "trainee");
    }
    trainer.send("trainer.start");
    await expect.poll(() => trainer.view()?.phase ?? "lobby", { timeout: 15_000 }).not.toBe("lobby");

    // A class vote at every step: Ann taps the first response, Bartek the last, until the story ends.
    for (let step = 0; step < 20; step++) {
      trainer.send("trainer.openVote");
      await expect.poll(() => trainer.view()?.vote?.open, { timeout: 15_000 }).toBe(true);
      for (const [p, pick] of [
        [ann, 0],
        [bartek, -1],
      ] as const) {
        const view = await waitView<TraineeView>(
          p,
          (v) => v.can === "vote" && v.stepIndex === step,
          `vote ${step}`,
        );
        const optionId = view.options.at(pick)?.id ?? "";
        await clickTarget(p, `option.${optionId}`);
        await waitView<TraineeView>(p, (v) => v.myVote === optionId, `vote ${step} cast`);
      }
      trainer.send("trainer.closeVote");
      await expect.poll(() => trainer.view()?.vote?.open, { timeout: 15_000 }).toBe(false);
      // A tie (one vote each) is the trainer's to break, as on the console: by a draw.
      if ((trainer.view()?.tiedOptionIds.length ?? 0) > 0) trainer.send("trainer.breakTie", { draw: true });
      else trainer.send("trainer.reveal");
      await expect.poll(() => trainer.view()?.history.length ?? 0, { timeout: 15_000 }).toBe(step + 1);
      if (trainer.view()?.options.length === 0) break;
    }
    expect(trainer.view()?.options).toEqual([]);
    trainer.send("trainer.showEnding");
    await expect.poll(() => trainer.view()?.phase, { timeout: 15_000 }).toBe("ending");
    trainer.send("trainer.end");
    // At the debrief each learner's phone offers My practice at its foot (the session now counts there).
    for (const [p, locale] of [
      [ann, "en"],
      [bartek, "pl"],
    ] as const) {
      await waitView<TraineeView>(p, (v) => v.phase === "debrief", `debrief on the ${locale} phone`);
      await waitScene(p, "debrief");
      const atDebrief = p.locator("#debrief-practice-link");
      await atDebrief.waitFor({ state: "visible" });
      expect(await atDebrief.textContent()).toBe(t("practice.open", {}, locale));
      expect(await p.locator("#debrief-practice").ariaSnapshot()).toContain(
        `link "${t("practice.open", {}, locale)}"`,
      );
      await saveShot(p, join(shots, `debrief-practice-link-${locale}-390.png`));
    }

    for (const [p, name, locale] of [
      [ann, "Ann Nowak", "en"],
      [bartek, "Bartek Lis", "pl"],
    ] as const) {
      const say = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, locale);
      // From the home page's link, as a trainee would after the workshop.
      await p.goto(`${e2e.url()}/`);
      await waitReady(p);
      const link = p.locator("#my-practice-link");
      await link.waitFor({ state: "visible" });
      expect(await link.textContent()).toBe(say("practice.open"));
      await saveShot(p, join(shots, `home-practice-link-${locale}-390.png`));
      await link.click();
      await p.locator(".mp-skills").waitFor({ state: "visible" });

      // The page shows exactly this learner's record as the server keeps it, no one else's.
      const { learnerKey } = await keyOn(p);
      const read = async (lang: string) => {
        const answer = await fetch(`${e2e.url()}/api/learning/me?locale=${lang}`, {
          headers: { authorization: `Bearer ${learnerKey}` },
        });
        return myRecordAnswerSchema.parse(await answer.json());
      };
      const record = await read(locale);
      expect(record.learner.displayName).toBe(name);
      expect(record.runs).toHaveLength(1);
      expect(record.runs[0]?.customerType).toBe("mistaken");
      const profile = learnerProfile(record);
      expect(profile.skills.length).toBeGreaterThan(0);

      const tree = await p.locator("body").ariaSnapshot();
      expect(tree).toContain(`heading "${say("practice.title")}" [level=1]`);
      for (const h of ["practice.skills", "practice.types", "practice.sessions"] as const)
        expect(tree).toContain(`heading "${say(h)}" [level=2]`);
      for (const s of profile.skills) {
        const skill = say(`skill.${s.skill}`);
        expect(tree).toContain(`meter "${skill}: ${say("practice.first")}"`);
        expect(tree).toContain(`meter "${skill}: ${say("practice.latest")}"`);
        expect(tree).toContain(
          say("practice.skillLine", { skill, first: s.first.score, latest: s.latest.score }),
        );
      }
      const type = profile.customerTypes[0];
      expect(type?.customerType).toBe("mistaken");
      expect(tree).toContain(
        say("practice.typeLine", { type: say("customerType.mistaken"), score: type?.meanScore ?? -1 }),
      );
      expect(tree).toContain(record.runs[0]?.scenarioTitle ?? "no title");
      // The scenario's own lines in the phone's language, as it showed them during the workshop.
      const firstLabel = record.runs[0]?.decisions[0]?.optionLabel ?? "no label";
      expect(tree).toContain(firstLabel);
      if (locale === "pl") expect(firstLabel).not.toBe((await read("en")).runs[0]?.decisions[0]?.optionLabel);

      // Nothing is cut off at a phone's width: no element sticks out sideways.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveShot(p, join(shots, `my-practice-${locale}-390.png`));
      await saveShot(p, join(shots, `my-practice-${locale}-390-full.png`), { fullPage: true });
    }
    // Each learner's record holds their own votes: the two tapped different responses at step one.
    const firsts = await Promise.all(
      [ann, bartek].map(async (p) => {
        const { learnerKey } = await keyOn(p);
        const res = await fetch(`${e2e.url()}/api/learning/me`, {
          headers: { authorization: `Bearer ${learnerKey}` },
        });
        return myRecordAnswerSchema.parse(await res.json()).runs[0]?.decisions[0]?.optionId;
      }),
    );
    expect(firsts[0]).not.toBe(firsts[1]);
  });
});
