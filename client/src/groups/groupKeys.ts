// The keys of the groups this browser created, `{ groupId: key }` under one localStorage entry. A group
// key is the only thing that opens a group (Hotseat has no trainer accounts), so it stays on the laptop
// that created the group, exactly like a session's trainer token.
const storageKey = "hotseat.groupKeys";

function readAll(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return {};
  }
}

function writeAll(keys: Record<string, string>): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(keys));
  } catch {
    // Without storage the key lives only as long as this page: the page says so after creating.
  }
}

/** The key of group `groupId` this browser keeps, if any. */
export function groupKey(groupId: string): string | undefined {
  return readAll()[groupId];
}

/** Every group key this browser keeps. */
export function allGroupKeys(): Record<string, string> {
  return readAll();
}

/** Keeps the key of a group just created. */
export function saveGroupKey(groupId: string, key: string): void {
  writeAll({ ...readAll(), [groupId]: key });
}
