import { describe, expect, it } from "vitest";
import { isStageRoute, parseRoute, routePath } from "./route";

describe("routes", () => {
  it("opens the join form with the code from a /join link, tolerating case and dashes", () => {
    expect(parseRoute("/join/kqw-xyr")).toEqual({ kind: "home", code: "KQWXYR" });
  });

  it("round-trips every screen's path so a reload returns to the same screen", () => {
    for (const path of [
      "/",
      "/join/KQWXYR",
      "/play/KQWXYR",
      "/projector/KQWXYR",
      "/trainer/KQWXYR",
      "/practise",
      "/studio",
      "/studio/ruined-hat",
      "/my-practice",
      "/groups",
      "/groups/g-1",
      "/groups/g-1/l%2F2",
    ])
      expect(routePath(parseRoute(path))).toBe(path);
  });

  it("opens a trainer's groups, a group's page, or one learner's page in it", () => {
    expect(parseRoute("/groups")).toEqual({ kind: "groups" });
    expect(parseRoute("/groups/g-1")).toEqual({ kind: "groups", groupId: "g-1" });
    expect(parseRoute("/groups/g-1/l%2F2")).toEqual({ kind: "groups", groupId: "g-1", learnerId: "l/2" });
  });

  it("opens the Studio's library, or one scenario in it", () => {
    expect(parseRoute("/studio")).toEqual({ kind: "studio" });
    expect(parseRoute("/studio/ruined-hat-copy")).toEqual({ kind: "studio", scenarioId: "ruined-hat-copy" });
  });

  it("puts the projector and the console on the fixed stage, phones on a fitted one", () => {
    expect(isStageRoute(parseRoute("/projector/KQWXYR"))).toBe(true);
    expect(isStageRoute(parseRoute("/play/KQWXYR"))).toBe(false);
  });
});
