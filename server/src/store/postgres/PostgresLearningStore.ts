import type pg from "pg";
import type { AsyncLearningStore } from "../AsyncSessionStore";
import type { GroupRow, LearnerRow } from "../LearningStore";
import { learnerValues, toGroup, toLearner } from "../learningRows";
import type { GroupDb, LearnerDb } from "../learningRows";
import { inTransaction } from "./inTransaction";

/** Groups and rosters on the PostgreSQL server, beside the sessions (migration 4); SQLite's contract. */
export class PostgresLearningStore implements AsyncLearningStore {
  constructor(private readonly pool: pg.Pool) {}

  async saveGroup(g: GroupRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO learning_groups (id, name, open_roster, key_hash, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, open_roster = excluded.open_roster`,
      [g.id, g.name, g.openRoster, g.keyHash, g.createdAt],
    );
  }

  async group(groupId: string): Promise<GroupRow | undefined> {
    const { rows } = await this.pool.query<GroupDb>("SELECT * FROM learning_groups WHERE id = $1", [groupId]);
    return rows[0] && toGroup(rows[0]);
  }

  async groupsByKeyHash(hashes: ReadonlySet<string>): Promise<GroupRow[]> {
    if (hashes.size === 0) return [];
    const { rows } = await this.pool.query<GroupDb>(
      "SELECT * FROM learning_groups WHERE key_hash = ANY($1) ORDER BY created_at, id",
      [[...hashes]],
    );
    return rows.map(toGroup);
  }

  async deleteGroup(groupId: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      for (const table of ["learners", "forgotten_learners", "session_groups"])
        await c.query(`DELETE FROM ${table} WHERE group_id = $1`, [groupId]);
      await c.query("DELETE FROM learning_groups WHERE id = $1", [groupId]);
    });
  }

  async saveLearner(l: LearnerRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO learners (id, group_id, display_name, employee_id, email, key_hash, renew_hash,
         renew_expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, employee_id = excluded.employee_id,
         email = excluded.email, key_hash = excluded.key_hash, renew_hash = excluded.renew_hash,
         renew_expires_at = excluded.renew_expires_at`,
      learnerValues(l),
    );
  }

  learner(learnerId: string): Promise<LearnerRow | undefined> {
    return this.one("SELECT * FROM learners WHERE id = $1", learnerId);
  }

  learnerByKeyHash(keyHash: string): Promise<LearnerRow | undefined> {
    return this.one("SELECT * FROM learners WHERE key_hash = $1", keyHash);
  }

  async claimKey(learnerId: string, keyHash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "UPDATE learners SET key_hash = $1 WHERE id = $2 AND key_hash IS NULL",
      [keyHash, learnerId],
    );
    return rowCount === 1;
  }

  learnerByRenewHash(renewHash: string): Promise<LearnerRow | undefined> {
    return this.one("SELECT * FROM learners WHERE renew_hash = $1", renewHash);
  }

  async learners(groupId: string): Promise<LearnerRow[]> {
    const { rows } = await this.pool.query<LearnerDb>(
      "SELECT * FROM learners WHERE group_id = $1 ORDER BY created_at, added_order",
      [groupId],
    );
    return rows.map(toLearner);
  }

  async deleteLearner(learnerId: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      // The row goes and its id is kept as forgotten in one step: no reader sees the learner in neither.
      const { rows } = await c.query<{ group_id: string }>(
        "DELETE FROM learners WHERE id = $1 RETURNING group_id",
        [learnerId],
      );
      if (rows[0] === undefined) return;
      await c.query(
        "INSERT INTO forgotten_learners (learner_id, group_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [learnerId, rows[0].group_id],
      );
    });
  }

  async forgotten(groupId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ learner_id: string }>(
      "SELECT learner_id FROM forgotten_learners WHERE group_id = $1 ORDER BY forgotten_order",
      [groupId],
    );
    return rows.map((r) => r.learner_id);
  }

  async setSessionGroup(sessionId: string, groupId: string): Promise<void> {
    await this.pool.query("INSERT INTO session_groups (session_id, group_id) VALUES ($1, $2)", [
      sessionId,
      groupId,
    ]);
  }

  async sessionGroup(sessionId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ group_id: string }>(
      "SELECT group_id FROM session_groups WHERE session_id = $1",
      [sessionId],
    );
    return rows[0]?.group_id;
  }

  async groupSessions(groupId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ session_id: string }>(
      "SELECT session_id FROM session_groups WHERE group_id = $1 ORDER BY attached_order",
      [groupId],
    );
    return rows.map((r) => r.session_id);
  }

  private async one(sql: string, value: string): Promise<LearnerRow | undefined> {
    const { rows } = await this.pool.query<LearnerDb>(sql, [value]);
    return rows[0] && toLearner(rows[0]);
  }
}
