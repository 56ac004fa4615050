import { randomUUID } from "node:crypto";
import { parseSessionEvent, runsFromLog } from "@hotseat/shared";
import type {
  CreateGroupRequest,
  GroupDetail,
  GroupSummary,
  LearnerIdentity,
  LearnerKeyResponse,
  LearnerRecord,
  LearnerRun,
  RosterLine,
  SessionEvent,
  SessionRoster,
} from "@hotseat/shared";
import { ScenarioVersions } from "../sessions/ScenarioVersions";
import { hashTrainerToken, newTrainerToken, trainerTokenMatches } from "../sessions/trainerToken";
import type { GroupRow, LearnerRow } from "../store/LearningStore";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";

/** A refusal of the learning API, with its status and stable code (the client translates the code). */
export class LearningRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How long a renew link works (its token is also one-time). */
export const renewLinkMs = 7 * 24 * 3600 * 1000;

type CachedRuns = { length: number; runs: Map<string, LearnerRun[]> };

/**
 * Groups, rosters, learner keys and records. A group belongs to whoever holds its group key (returned once
 * at creation, kept by the trainer console's browser, stored here as a hash like session trainer tokens): a
 * trainer cannot read a group without its key, whatever sessions they run. A learner is known by the learner
 * key their phone keeps; the log only ever holds the learner's id. Records are computed from the logs of the
 * group's sessions by the pure core (`runsFromLog`), never stored, so they cannot drift from what happened.
 */
export class LearningService {
  private readonly versions: ScenarioVersions;
  // A log only grows: the runs computed for a given length stay true.
  private readonly cache = new Map<string, CachedRuns>();

  constructor(
    private readonly store: AsyncSessionStore,
    private readonly now: () => number,
  ) {
    this.versions = new ScenarioVersions(store);
  }

  private get rows() {
    return this.store.learning;
  }

  async createGroup(request: CreateGroupRequest): Promise<GroupDetail & { groupKey: string }> {
    const groupKey = newTrainerToken();
    const group: GroupRow = {
      id: randomUUID(),
      name: request.name,
      openRoster: request.openRoster ?? false,
      keyHash: hashTrainerToken(groupKey),
      createdAt: this.now(),
    };
    await this.rows.saveGroup(group);
    for (const line of request.roster ?? []) await this.addLearner(group, line);
    return { ...(await this.detail(group)), groupKey };
  }

  /** The group `groupId` when `groupKey` is its key; refused otherwise (no key, unknown group, other trainer's). */
  async authorize(groupId: string, groupKey: string | undefined): Promise<GroupRow> {
    if (groupKey === undefined)
      throw new LearningRefusal(
        401,
        "group.key-missing",
        "This needs the group's key (Authorization: Bearer <key>).",
      );
    const group = await this.rows.group(groupId);
    if (!group) throw new LearningRefusal(404, "group.unknown", "There is no such group.");
    if (!trainerTokenMatches(groupKey, group.keyHash))
      throw new LearningRefusal(403, "group.not-yours", "This key is not the key of this group.");
    return group;
  }

  async groupsForKeys(keys: readonly string[]): Promise<GroupSummary[]> {
    const groups = await this.rows.groupsByKeyHash(new Set(keys.map(hashTrainerToken)));
    return Promise.all(groups.map(async (g) => this.summary(g, (await this.rows.learners(g.id)).length)));
  }

  async updateGroup(
    group: GroupRow,
    patch: { name?: string | undefined; openRoster?: boolean | undefined },
  ): Promise<GroupDetail> {
    const next = { ...group, ...(patch.name !== undefined ? { name: patch.name } : {}) };
    if (patch.openRoster !== undefined) next.openRoster = patch.openRoster;
    await this.rows.saveGroup(next);
    return this.detail(next);
  }

  async deleteGroup(group: GroupRow): Promise<void> {
    await this.rows.deleteGroup(group.id);
    await this.store.xapi.forgetGroup(group.id);
  }

  async addLearners(group: GroupRow, lines: readonly RosterLine[]): Promise<GroupDetail> {
    for (const line of lines) await this.addLearner(group, line);
    return this.detail(group);
  }

  async learnerOf(group: GroupRow, learnerId: string): Promise<LearnerRow> {
    const learner = await this.rows.learner(learnerId);
    if (!learner || learner.groupId !== group.id)
      throw new LearningRefusal(404, "learner.unknown", "This group has no such learner.");
    return learner;
  }

  async updateLearner(group: GroupRow, learnerId: string, patch: Partial<RosterLine>): Promise<GroupDetail> {
    const learner = await this.learnerOf(group, learnerId);
    const next: LearnerRow = { ...learner };
    if (patch.displayName !== undefined) next.displayName = patch.displayName;
    if (patch.employeeId !== undefined) next.employeeId = patch.employeeId;
    if (patch.email !== undefined) next.email = patch.email;
    await this.rows.saveLearner(next);
    return this.detail(group);
  }

  /**
   * Removes the learner's identity; their decisions stay in the group's aggregates under no name. Their
   * xAPI statements still in the outbox go too (what the LRS already has is the LRS's to delete).
   */
  async deleteLearner(group: GroupRow, learnerId: string): Promise<void> {
    const id = (await this.learnerOf(group, learnerId)).id;
    await this.rows.deleteLearner(id);
    await this.store.xapi.forgetLearner(id);
  }

  /** A new one-time renew token for the learner (the previous one stops working); the phone redeems it. */
  async renewToken(group: GroupRow, learnerId: string): Promise<{ token: string; expiresAt: number }> {
    const learner = await this.learnerOf(group, learnerId);
    const token = newTrainerToken();
    const expiresAt = this.now() + renewLinkMs;
    await this.rows.saveLearner({
      ...learner,
      renewHash: hashTrainerToken(token),
      renewExpiresAt: expiresAt,
    });
    return { token, expiresAt };
  }

  /** Gives the phone presenting a renew token a new learner key; the old key and the token stop working. */
  async redeemRenewal(token: string): Promise<LearnerKeyResponse> {
    const learner = await this.rows.learnerByRenewHash(hashTrainerToken(token));
    if (!learner || (learner.renewExpiresAt ?? 0) < this.now())
      throw new LearningRefusal(
        404,
        "learner.renew-invalid",
        "This renew link is not valid any more. Ask your trainer for a new one.",
      );
    const { renewHash: _token, renewExpiresAt: _expiry, ...rest } = learner;
    return this.issueKey(rest);
  }

  /** The group a session was hosted for, if any. */
  async groupOfSession(sessionId: string): Promise<GroupRow | undefined> {
    const groupId = await this.rows.sessionGroup(sessionId);
    return groupId === undefined ? undefined : this.rows.group(groupId);
  }

  async attachSession(sessionId: string, group: GroupRow): Promise<void> {
    await this.rows.setSessionGroup(sessionId, group.id);
  }

  /** What a phone sees of a group session's roster: names only, and which are taken by a phone already. */
  async sessionRoster(group: GroupRow): Promise<SessionRoster> {
    return {
      groupId: group.id,
      groupName: group.name,
      openRoster: group.openRoster,
      learners: (await this.rows.learners(group.id)).map((l) => ({
        learnerId: l.id,
        displayName: l.displayName,
        claimed: l.keyHash !== undefined,
      })),
    };
  }

  /**
   * A phone picks an unclaimed name of the roster, or adds its own to an open roster, and gets a learner key.
   * A claimed name is refused: only its trainer's renew link gives it to another phone.
   */
  async claim(
    group: GroupRow,
    pick: { learnerId?: string | undefined; displayName?: string | undefined },
  ): Promise<LearnerKeyResponse> {
    if (pick.learnerId !== undefined) {
      const learner = await this.rows.learner(pick.learnerId);
      if (!learner || learner.groupId !== group.id)
        throw new LearningRefusal(404, "learner.unknown", "This name is not on the group's roster.");
      const learnerKey = newTrainerToken();
      // Checked and set in one step by the store: of two phones picking this name at once, one gets it.
      if (!(await this.rows.claimKey(learner.id, hashTrainerToken(learnerKey))))
        throw new LearningRefusal(
          409,
          "learner.taken",
          "Another phone already uses this name. Ask your trainer for a renew link.",
        );
      return this.keyResponse(learner, learnerKey);
    }
    if (!group.openRoster)
      throw new LearningRefusal(
        403,
        "roster.closed",
        "This group's roster is closed: pick your name from the list.",
      );
    const name = (pick.displayName ?? "").trim();
    if ((await this.rows.learners(group.id)).some((l) => l.displayName.toLowerCase() === name.toLowerCase()))
      throw new LearningRefusal(
        409,
        "learner.name-taken",
        "This name is already on the roster: pick it from the list.",
      );
    return this.issueKey(await this.addLearner(group, { displayName: name }));
  }

  /** The learner a phone's key names, refused when it names nobody (deleted, renewed or made up). */
  async learnerByKey(learnerKey: string | undefined): Promise<LearnerRow> {
    const learner =
      learnerKey === undefined ? undefined : await this.rows.learnerByKeyHash(hashTrainerToken(learnerKey));
    if (!learner)
      throw new LearningRefusal(
        401,
        "learner.key-invalid",
        "This phone's learner key is not valid. Pick your name again or ask your trainer.",
      );
    return learner;
  }

  /**
   * A learner's whole record: who they are and every run of the group's sessions, oldest first, with the
   * scenarios' texts in `locale` where they are written in it (else in each scenario's first language).
   */
  async recordOf(learner: LearnerRow, locale?: string): Promise<LearnerRecord> {
    const runs: LearnerRun[] = [];
    for (const s of await this.rows.groupSessions(learner.groupId))
      runs.push(...((await this.runsOf(s, locale)).get(learner.id) ?? []));
    return { learner: identityOf(learner), runs };
  }

  /**
   * The records of one group session's learners, that session's runs only (the roster's learners who
   * played in it, in roster order); undefined when the session is not a group's. For the LMS file and xAPI.
   */
  async sessionRecords(
    sessionId: string,
  ): Promise<{ group: GroupRow; records: LearnerRecord[] } | undefined> {
    const group = await this.groupOfSession(sessionId);
    if (!group) return undefined;
    const runs = await this.runsOf(sessionId);
    const records = (await this.rows.learners(group.id)).flatMap((l) => {
      const mine = runs.get(l.id);
      return mine ? [{ learner: identityOf(l), runs: mine }] : [];
    });
    return { group, records };
  }

  /** Every learner's record in the group, and the runs of deleted learners without any identity. */
  async groupRecords(group: GroupRow): Promise<{
    group: GroupSummary;
    records: LearnerRecord[];
    anonymousRuns: LearnerRun[];
  }> {
    const sessions: Map<string, LearnerRun[]>[] = [];
    for (const s of await this.rows.groupSessions(group.id)) sessions.push(await this.runsOf(s));
    const forgotten = await this.rows.forgotten(group.id);
    const learners = await this.rows.learners(group.id);
    return {
      group: this.summary(group, learners.length),
      records: learners.map((l) => ({
        learner: identityOf(l),
        runs: sessions.flatMap((runs) => runs.get(l.id) ?? []),
      })),
      anonymousRuns: sessions.flatMap((runs) => forgotten.flatMap((id) => runs.get(id) ?? [])),
    };
  }

  async detail(group: GroupRow): Promise<GroupDetail> {
    const learners = await this.rows.learners(group.id);
    return {
      group: this.summary(group, learners.length),
      roster: learners.map((l) => ({
        learnerId: l.id,
        displayName: l.displayName,
        ...(l.employeeId !== undefined ? { employeeId: l.employeeId } : {}),
        ...(l.email !== undefined ? { email: l.email } : {}),
        claimed: l.keyHash !== undefined,
      })),
    };
  }

  private summary(group: GroupRow, learnerCount: number): GroupSummary {
    return {
      groupId: group.id,
      name: group.name,
      openRoster: group.openRoster,
      learnerCount,
      createdAt: group.createdAt,
    };
  }

  private async addLearner(group: GroupRow, line: RosterLine): Promise<LearnerRow> {
    const learner: LearnerRow = {
      id: "l-" + randomUUID(),
      groupId: group.id,
      displayName: line.displayName,
      createdAt: this.now(),
    };
    if (line.employeeId !== undefined) learner.employeeId = line.employeeId;
    if (line.email !== undefined) learner.email = line.email;
    await this.rows.saveLearner(learner);
    return learner;
  }

  private async issueKey(learner: LearnerRow): Promise<LearnerKeyResponse> {
    const learnerKey = newTrainerToken();
    await this.rows.saveLearner({ ...learner, keyHash: hashTrainerToken(learnerKey) });
    return this.keyResponse(learner, learnerKey);
  }

  private async keyResponse(learner: LearnerRow, learnerKey: string): Promise<LearnerKeyResponse> {
    const group = await this.rows.group(learner.groupId);
    return {
      learnerKey,
      learnerId: learner.id,
      displayName: learner.displayName,
      groupId: learner.groupId,
      groupName: group?.name ?? "",
    };
  }

  private async runsOf(sessionId: string, locale?: string): Promise<Map<string, LearnerRun[]>> {
    const record = await this.store.getSession(sessionId);
    if (!record) return new Map();
    const pin = record.library ?? {};
    const library = (await this.versions.resolve(pin)).library;
    // Only a language the session's scenarios are written in changes the texts; any other reads as the
    // default, so the cache keeps at most one entry per language a scenario has, whatever is asked.
    const written = Object.values(library).some(
      (c) => locale !== undefined && c.scenario.languages.includes(locale),
    );
    const cacheKey = written ? `${sessionId}\u0000${locale}` : sessionId;
    const stored = await this.store.events(sessionId);
    const cached = this.cache.get(cacheKey);
    if (cached?.length === stored.length) return cached.runs;
    const events: { seq: number; event: SessionEvent }[] = [];
    for (const entry of stored) {
      const event = parseSessionEvent(entry.event);
      if (event) events.push({ seq: entry.seq, event });
    }
    const runs = runsFromLog({ sessionId, events, library, pin, ...(written ? { locale } : {}) });
    this.cache.set(cacheKey, { length: stored.length, runs });
    return runs;
  }
}

function identityOf(l: LearnerRow): LearnerIdentity {
  const identity: LearnerIdentity = { learnerId: l.id, groupId: l.groupId, displayName: l.displayName };
  if (l.employeeId !== undefined) identity.employeeId = l.employeeId;
  if (l.email !== undefined) identity.email = l.email;
  return identity;
}
