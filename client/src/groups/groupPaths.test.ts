import { describe, expect, it } from "vitest";
import { parseRoute, routePath } from "../app/route";
import { consolePath, groupsPath } from "./groupPaths";

describe("the groups pages' links", () => {
  it("are the paths the router opens, ids with slashes and spaces included", () => {
    expect(parseRoute(groupsPath())).toEqual({ kind: "groups" });
    expect(parseRoute(groupsPath("g 1"))).toEqual({ kind: "groups", groupId: "g 1" });
    expect(parseRoute(groupsPath("g-1", "l/2"))).toEqual({
      kind: "groups",
      groupId: "g-1",
      learnerId: "l/2",
    });
    expect(groupsPath("g-1", "l/2")).toBe(routePath({ kind: "groups", groupId: "g-1", learnerId: "l/2" }));
    expect(parseRoute(consolePath("KQWXYR"))).toEqual({ kind: "trainer", code: "KQWXYR" });
  });
});
