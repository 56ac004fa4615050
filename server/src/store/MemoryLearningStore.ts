import type { GroupRow, LearnerRow, LearningStore } from "./LearningStore";

/** The learning store in memory, for tests and `--memory` servers. */
export class MemoryLearningStore implements LearningStore {
  private readonly groups = new Map<string, GroupRow>();
  private readonly roster = new Map<string, LearnerRow>();
  private readonly gone = new Map<string, string>();
  private readonly sessions = new Map<string, string>();

  /** Like the SQLite store: an existing group keeps its key and creation time; only name and roster mode change. */
  saveGroup(group: GroupRow): void {
    const known = this.groups.get(group.id);
    this.groups.set(
      group.id,
      known ? { ...known, name: group.name, openRoster: group.openRoster } : { ...group },
    );
  }
  group(groupId: string): GroupRow | undefined {
    const g = this.groups.get(groupId);
    return g && { ...g };
  }
  groupsByKeyHash(hashes: ReadonlySet<string>): GroupRow[] {
    return [...this.groups.values()].filter((g) => hashes.has(g.keyHash)).map((g) => ({ ...g }));
  }
  deleteGroup(groupId: string): void {
    this.groups.delete(groupId);
    for (const [id, l] of this.roster) if (l.groupId === groupId) this.roster.delete(id);
    for (const [id, g] of this.gone) if (g === groupId) this.gone.delete(id);
    for (const [id, g] of this.sessions) if (g === groupId) this.sessions.delete(id);
  }
  saveLearner(learner: LearnerRow): void {
    this.roster.set(learner.id, { ...learner });
  }
  learner(learnerId: string): LearnerRow | undefined {
    const l = this.roster.get(learnerId);
    return l && { ...l };
  }
  learnerByKeyHash(keyHash: string): LearnerRow | undefined {
    return this.find((l) => l.keyHash === keyHash);
  }
  claimKey(learnerId: string, keyHash: string): boolean {
    const l = this.roster.get(learnerId);
    if (!l || l.keyHash !== undefined) return false;
    l.keyHash = keyHash;
    return true;
  }
  learnerByRenewHash(renewHash: string): LearnerRow | undefined {
    return this.find((l) => l.renewHash === renewHash);
  }
  learners(groupId: string): LearnerRow[] {
    return [...this.roster.values()].filter((l) => l.groupId === groupId).map((l) => ({ ...l }));
  }
  deleteLearner(learnerId: string): void {
    const l = this.roster.get(learnerId);
    if (!l) return;
    this.roster.delete(learnerId);
    this.gone.set(learnerId, l.groupId);
  }
  forgotten(groupId: string): string[] {
    return [...this.gone].filter(([, g]) => g === groupId).map(([id]) => id);
  }
  setSessionGroup(sessionId: string, groupId: string): void {
    this.sessions.set(sessionId, groupId);
  }
  sessionGroup(sessionId: string): string | undefined {
    return this.sessions.get(sessionId);
  }
  groupSessions(groupId: string): string[] {
    return [...this.sessions].filter(([, g]) => g === groupId).map(([id]) => id);
  }

  private find(match: (l: LearnerRow) => boolean): LearnerRow | undefined {
    for (const l of this.roster.values()) if (match(l)) return { ...l };
    return undefined;
  }
}
