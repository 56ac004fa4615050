/** Which screen a URL asks for. Trainees open `/join/CODE`; trainers get `/trainer/CODE` after hosting. */
export type Route =
  | { kind: "home"; code?: string }
  | { kind: "trainee"; code: string }
  | { kind: "projector"; code: string }
  | { kind: "trainer"; code: string }
  | { kind: "practise"; scenarioId?: string }
  | { kind: "studio"; scenarioId?: string }
  | { kind: "my-practice" }
  /** A trainer's groups (`/groups`), a group's page, or one learner's page in it. */
  | { kind: "groups"; groupId?: string; learnerId?: string };

/** Canonical join code: upper case, spaces and dashes dropped (as the server normalises it). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** Parses a path such as `/join/kqwxyr` or `/projector/KQWXYR`. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean);
  const [head, arg] = parts;
  const code = arg ? normalizeCode(decodeURIComponent(arg)) : "";
  if (head === "join") return code ? { kind: "home", code } : { kind: "home" };
  if (head === "play" && code) return { kind: "trainee", code };
  if (head === "projector" && code) return { kind: "projector", code };
  if (head === "trainer" && code) return { kind: "trainer", code };
  if (head === "practise")
    return arg ? { kind: "practise", scenarioId: decodeURIComponent(arg) } : { kind: "practise" };
  if (head === "studio")
    return arg ? { kind: "studio", scenarioId: decodeURIComponent(arg) } : { kind: "studio" };
  if (head === "my-practice") return { kind: "my-practice" };
  if (head === "groups") return groupsRoute(arg, parts[2]);
  return { kind: "home" };
}

/** `/groups`, `/groups/<groupId>` or `/groups/<groupId>/<learnerId>`. */
function groupsRoute(groupArg: string | undefined, learnerArg: string | undefined): Route {
  if (groupArg === undefined) return { kind: "groups" };
  const groupId = decodeURIComponent(groupArg);
  return learnerArg === undefined
    ? { kind: "groups", groupId }
    : { kind: "groups", groupId, learnerId: decodeURIComponent(learnerArg) };
}

/** The path of a route, the inverse of `parseRoute`. */
export function routePath(route: Route): string {
  switch (route.kind) {
    case "home":
      return route.code ? `/join/${route.code}` : "/";
    case "trainee":
      return `/play/${route.code}`;
    case "projector":
      return `/projector/${route.code}`;
    case "trainer":
      return `/trainer/${route.code}`;
    case "practise":
      return route.scenarioId ? `/practise/${encodeURIComponent(route.scenarioId)}` : "/practise";
    case "studio":
      return route.scenarioId ? `/studio/${encodeURIComponent(route.scenarioId)}` : "/studio";
    case "my-practice":
      return "/my-practice";
    case "groups": {
      if (route.groupId === undefined) return "/groups";
      const group = `/groups/${encodeURIComponent(route.groupId)}`;
      return route.learnerId === undefined ? group : `${group}/${encodeURIComponent(route.learnerId)}`;
    }
  }
}

/** Whether a route is shown on a fixed 1920x1080 stage (projector, console) rather than fitted to a phone. */
export function isStageRoute(route: Route): boolean {
  return route.kind === "projector" || route.kind === "trainer";
}
