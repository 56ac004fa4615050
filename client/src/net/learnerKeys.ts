import { learnerKeyResponseSchema } from "@hotseat/shared";
import type { LearnerKeyResponse } from "@hotseat/shared";

// The learner keys this phone keeps, one per group (`hotseat.learner.<groupId>`), and which group each
// session code belongs to (`hotseat.learner.code.<CODE>`), so a rejoin from /play/CODE presents the key.
// A key is the learner's only credential: it never leaves this phone but to the server.

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Without storage the key lasts as long as this page.
  }
}

/** The learner this phone is in group `groupId`, if it holds a key there. */
export function learnerOfGroup(groupId: string): LearnerKeyResponse | undefined {
  const saved = read(`hotseat.learner.${groupId}`);
  if (saved === null) return undefined;
  try {
    const parsed = learnerKeyResponseSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a key the server gave (a claimed name or a renew link). */
export function keepLearnerKey(answer: LearnerKeyResponse): void {
  write(`hotseat.learner.${answer.groupId}`, JSON.stringify(answer));
}

/** Forgets the key of a group (refused by the server: deleted or renewed on another phone). */
export function forgetLearnerKey(groupId: string): void {
  write(`hotseat.learner.${groupId}`, undefined);
}

/** Notes that session `code` is group `groupId`'s, or that it is no group's (anonymous). */
export function noteSessionGroup(code: string, groupId: string | undefined): void {
  write(`hotseat.learner.code.${code}`, groupId);
}

/** The learner this phone plays as in session `code`, when it is a group's and the phone holds a key there. */
export function learnerForSession(code: string): LearnerKeyResponse | undefined {
  const groupId = read(`hotseat.learner.code.${code}`);
  return groupId === null ? undefined : learnerOfGroup(groupId);
}

/** Every learner key this phone keeps, one per group it was seated in, in group name order. */
export function learnerKeysOnThisPhone(): LearnerKeyResponse[] {
  const prefix = "hotseat.learner.";
  const groups: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      // Session-code notes (`hotseat.learner.code.<CODE>`) name a group; they hold no key.
      if (key?.startsWith(prefix) && !key.startsWith(`${prefix}code.`)) groups.push(key.slice(prefix.length));
    }
  } catch {
    return [];
  }
  return groups
    .flatMap((groupId) => learnerOfGroup(groupId) ?? [])
    .sort((a, b) => a.groupName.localeCompare(b.groupName));
}
