/** A group (course or cohort) as the store keeps it: its key is kept as a hash only. */
export type GroupRow = {
  id: string;
  name: string;
  openRoster: boolean;
  /** sha-256 of the group key its trainer got at creation. */
  keyHash: string;
  createdAt: number;
};

/** A learner of a group's roster; the keys are kept as hashes only. */
export type LearnerRow = {
  id: string;
  groupId: string;
  displayName: string;
  employeeId?: string;
  email?: string;
  /** sha-256 of the learner key a phone holds; absent until a phone claims the name. */
  keyHash?: string;
  /** sha-256 of the one-time token of a renew link, and when it stops working. */
  renewHash?: string;
  renewExpiresAt?: number;
  createdAt: number;
};

/**
 * Groups, their rosters and which sessions were hosted for which group, beside the sessions. A learner's
 * decisions are not stored here: they are read from the sessions' logs (the `learnerId` of `session.joined`),
 * so deleting a learner removes the only link from that id to a person.
 */
export interface LearningStore {
  saveGroup(group: GroupRow): void;
  group(groupId: string): GroupRow | undefined;
  groupsByKeyHash(hashes: ReadonlySet<string>): GroupRow[];
  /** Deletes the group and its roster; its sessions stay (anonymous) and are no longer the group's. */
  deleteGroup(groupId: string): void;
  saveLearner(learner: LearnerRow): void;
  learner(learnerId: string): LearnerRow | undefined;
  learnerByKeyHash(keyHash: string): LearnerRow | undefined;
  /**
   * Gives the learner the key `keyHash` only while they hold none, in one step, so two phones picking the
   * same name at once cannot both get it (even from two processes); false when they hold one or are gone.
   */
  claimKey(learnerId: string, keyHash: string): boolean;
  learnerByRenewHash(renewHash: string): LearnerRow | undefined;
  /** The roster, in the order the learners were added. */
  learners(groupId: string): LearnerRow[];
  /** Removes a learner's roster line; their id is kept as forgotten, with no personal data, for aggregates. */
  deleteLearner(learnerId: string): void;
  /** The ids of the group's deleted learners. */
  forgotten(groupId: string): string[];
  setSessionGroup(sessionId: string, groupId: string): void;
  sessionGroup(sessionId: string): string | undefined;
  /** The group's sessions, oldest first. */
  groupSessions(groupId: string): string[];
}
