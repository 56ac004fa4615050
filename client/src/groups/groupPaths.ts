// The addresses the groups pages link to. route.ts parses them (groupPaths.test.ts checks the round trip);
// they are written here rather than imported from route.ts because a module shared with the trainee's
// entry would be split out of it into a chunk of its own, one more request on every phone's first load.

/** `/groups`, a group's page, or one learner's page in it. */
export function groupsPath(groupId?: string, learnerId?: string): string {
  if (groupId === undefined) return "/groups";
  const group = `/groups/${encodeURIComponent(groupId)}`;
  return learnerId === undefined ? group : `${group}/${encodeURIComponent(learnerId)}`;
}

/** The trainer console of session `code`. */
export const consolePath = (code: string): string => `/trainer/${code}`;
