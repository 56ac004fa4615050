import type { DatabaseSync } from "node:sqlite";
import type { GroupRow, LearnerRow, LearningStore } from "./LearningStore";
import { learnerValues, toGroup, toLearner } from "./learningRows";
import type { GroupDb, LearnerDb } from "./learningRows";

/** Groups and rosters in the server's SQLite database, beside the sessions (the tables of the learning migration). */
export class SqliteLearningStore implements LearningStore {
  constructor(private readonly db: DatabaseSync) {}

  saveGroup(g: GroupRow): void {
    this.db
      .prepare(
        `INSERT INTO learning_groups (id, name, open_roster, key_hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, open_roster = excluded.open_roster`,
      )
      .run(g.id, g.name, g.openRoster ? 1 : 0, g.keyHash, g.createdAt);
  }
  group(groupId: string): GroupRow | undefined {
    const r = this.db.prepare("SELECT * FROM learning_groups WHERE id = ?").get(groupId) as
      GroupDb | undefined;
    return r && toGroup(r);
  }
  groupsByKeyHash(hashes: ReadonlySet<string>): GroupRow[] {
    const list = [...hashes];
    if (list.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM learning_groups WHERE key_hash IN (${list.map(() => "?").join(",")}) ORDER BY created_at`,
      )
      .all(...list) as GroupDb[];
    return rows.map(toGroup);
  }
  deleteGroup(groupId: string): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      for (const table of ["learners", "forgotten_learners", "session_groups"])
        this.db.prepare(`DELETE FROM ${table} WHERE group_id = ?`).run(groupId);
      this.db.prepare("DELETE FROM learning_groups WHERE id = ?").run(groupId);
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }
  saveLearner(l: LearnerRow): void {
    this.db
      .prepare(
        `INSERT INTO learners (id, group_id, display_name, employee_id, email, key_hash, renew_hash,
           renew_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, employee_id = excluded.employee_id,
           email = excluded.email, key_hash = excluded.key_hash, renew_hash = excluded.renew_hash,
           renew_expires_at = excluded.renew_expires_at`,
      )
      .run(...learnerValues(l));
  }
  learner(learnerId: string): LearnerRow | undefined {
    return this.one("SELECT * FROM learners WHERE id = ?", learnerId);
  }
  learnerByKeyHash(keyHash: string): LearnerRow | undefined {
    return this.one("SELECT * FROM learners WHERE key_hash = ?", keyHash);
  }
  claimKey(learnerId: string, keyHash: string): boolean {
    const { changes } = this.db
      .prepare("UPDATE learners SET key_hash = ? WHERE id = ? AND key_hash IS NULL")
      .run(keyHash, learnerId);
    return Number(changes) === 1;
  }
  learnerByRenewHash(renewHash: string): LearnerRow | undefined {
    return this.one("SELECT * FROM learners WHERE renew_hash = ?", renewHash);
  }
  learners(groupId: string): LearnerRow[] {
    const rows = this.db
      .prepare("SELECT * FROM learners WHERE group_id = ? ORDER BY created_at, rowid")
      .all(groupId) as LearnerDb[];
    return rows.map(toLearner);
  }
  deleteLearner(learnerId: string): void {
    const l = this.learner(learnerId);
    if (!l) return;
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.db.prepare("DELETE FROM learners WHERE id = ?").run(learnerId);
      this.db
        .prepare("INSERT OR IGNORE INTO forgotten_learners (learner_id, group_id) VALUES (?, ?)")
        .run(learnerId, l.groupId);
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }
  forgotten(groupId: string): string[] {
    const rows = this.db
      .prepare("SELECT learner_id FROM forgotten_learners WHERE group_id = ? ORDER BY rowid")
      .all(groupId) as { learner_id: string }[];
    return rows.map((r) => r.learner_id);
  }
  setSessionGroup(sessionId: string, groupId: string): void {
    this.db
      .prepare("INSERT INTO session_groups (session_id, group_id) VALUES (?, ?)")
      .run(sessionId, groupId);
  }
  sessionGroup(sessionId: string): string | undefined {
    const r = this.db.prepare("SELECT group_id FROM session_groups WHERE session_id = ?").get(sessionId) as
      { group_id: string } | undefined;
    return r?.group_id;
  }
  groupSessions(groupId: string): string[] {
    const rows = this.db
      .prepare("SELECT session_id FROM session_groups WHERE group_id = ? ORDER BY rowid")
      .all(groupId) as { session_id: string }[];
    return rows.map((r) => r.session_id);
  }

  private one(sql: string, value: string): LearnerRow | undefined {
    const r = this.db.prepare(sql).get(value) as LearnerDb | undefined;
    return r && toLearner(r);
  }
}
