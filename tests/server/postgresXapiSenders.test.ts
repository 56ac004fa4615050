import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, PostgresSessionStore, startTestPostgres } from "@hotseat/server";
import type { TestPostgres } from "@hotseat/server";
import { learner, ruinedHatRun } from "../../shared/src/learning/learnerRecordFixtures";
import { LrsSender } from "../../server/src/xapi/lrsSender";
import { XapiOutbox } from "../../server/src/xapi/xapiOutbox";
import { TestLrs } from "./testLrs";

// Two Hotseat processes on one PostgreSQL, as the outbox sees them: two connection pools, each with its
// own outbox and sender, recording one group's statements and draining it to one LRS at the same time.
let postgres: TestPostgres;
const lrs = new TestLrs();
beforeAll(async () => {
  postgres = await startTestPostgres();
  await lrs.start();
}, 60_000);
type Running = { store: PostgresSessionStore; sender: LrsSender; outbox: XapiOutbox };
const processes: Running[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) {
    await p.sender.stop();
    await p.store.close();
  }
});
afterAll(async () => {
  await lrs.stop();
  postgres?.stop();
});

const group = "g-sales";
const path: [string, string][] = [
  ["review-posted", "apologise-and-invite"],
  ["first-contact", "ask-what-happened"],
  ["wash-story", "explain-without-blame"],
];

async function startProcess(url: string): Promise<Running> {
  const store = await PostgresSessionStore.open(url);
  const sender = new LrsSender({ store: store.xapi, batchSize: 3, backoffMs: 5, maxBackoffMs: 20 });
  const outbox = new XapiOutbox(store.xapi, { origin: "https://hotseat.example.org" }, Date.now, () =>
    sender.kick(),
  );
  sender.start();
  const running: Running = { store, sender, outbox };
  processes.push(running);
  return running;
}

describe("the xAPI outbox shared by two processes on PostgreSQL", () => {
  it("sends every statement once, in the order the outbox recorded them, whichever process recorded it", async () => {
    const url = await createTestDatabase(postgres, "senders");
    const [a, b] = [await startProcess(url), await startProcess(url)];
    await a.store.xapi.setLrs(group, { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret }, 1);
    // Twelve learners, their decisions recorded alternately and at once by the two processes; each process
    // also records the other's learners again (a catch-up after a restart does): ids keep them once.
    const learners = Array.from({ length: 12 }, (_, i) => learner(`l-${i}`, `Learner ${i}`));
    for (let step = 1; step <= path.length; step++)
      await Promise.all(
        learners.map((l, i) => {
          const run = ruinedHatRun(`s-${i % 3}`, path.slice(0, step), {
            firstSeq: 10 + i,
            ended: step === path.length,
          });
          return Promise.all([(i % 2 ? a : b).outbox.record(l, run), (i % 2 ? b : a).outbox.record(l, run)]);
        }),
      );
    const entries = await a.store.xapi.entries(group);
    // Three answers and a completion per learner.
    expect(entries).toHaveLength(learners.length * 4);
    await vi.waitFor(async () => expect(await b.store.xapi.queued(group, 100)).toEqual([]), {
      timeout: 15_000,
      interval: 20,
    });
    const sent = (await b.store.xapi.entries(group, "sent")).map((e) => e.statementId);
    expect(sent).toHaveLength(entries.length);
    // None lost, none sent twice (not even as a resend), in outbox order.
    expect(lrs.stored.map((s) => s.id)).toEqual(sent);
    expect(lrs.received).toBe(sent.length);
    // Each learner's statements are in the order they were decided.
    for (const l of learners) {
      const seqs = entries
        .filter((e) => e.learnerId === l.learnerId)
        .map((e) => (e.statement as { verb: { id: string } }).verb.id.split("/").at(-1));
      expect(seqs).toEqual(["answered", "answered", "answered", "completed"]);
    }
  });
});
