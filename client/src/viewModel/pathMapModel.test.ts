import { describe, expect, it } from "vitest";
import type { ScenarioMapView } from "@hotseat/shared";
import { pathMapLayout } from "./pathMapModel";

const map: ScenarioMapView = {
  start: "a",
  nodes: [
    { id: "a", depth: 0, final: false },
    { id: "b", depth: 1, final: false },
    { id: "c", depth: 1, final: false },
    { id: "win", depth: 2, final: true, outcome: "kept" },
    { id: "lose", depth: 2, final: true, outcome: "public-adversary" },
  ],
  edges: [
    { from: "a", to: "b" },
    { from: "a", to: "c" },
    { from: "b", to: "win" },
    { from: "c", to: "lose" },
    { from: "b", to: "lose" },
  ],
};

describe("pathMapLayout", () => {
  it("puts states in columns by depth inside the box", () => {
    const { nodes, columns } = pathMapLayout(map, [], 400, 200, 20);
    const at = (id: string) => nodes.find((n) => n.id === id)!;
    expect(columns).toBe(3);
    expect(at("a")).toMatchObject({ x: 20, y: 100, start: true });
    expect(at("b").x).toBe(200);
    expect(at("win").x).toBe(380);
    for (const n of nodes) {
      expect(n.y).toBeGreaterThanOrEqual(20);
      expect(n.y).toBeLessThanOrEqual(180);
    }
    expect(at("b").y).not.toBe(at("c").y);
  });

  it("numbers the path's steps on the states it reached and draws it over the roads not taken", () => {
    const { nodes, edges } = pathMapLayout(
      map,
      [
        { kind: "branch", steps: [{ from: "a", to: "c" }] },
        {
          kind: "path",
          steps: [
            { from: "a", to: "b" },
            { from: "b", to: "win" },
          ],
        },
      ],
      400,
      200,
    );
    expect(nodes.find((n) => n.id === "b")?.steps).toEqual([1]);
    expect(nodes.find((n) => n.id === "win")).toMatchObject({ steps: [2], visited: true });
    expect(nodes.find((n) => n.id === "c")).toMatchObject({ steps: [], visited: true });
    expect(nodes.find((n) => n.id === "lose")).toMatchObject({ steps: [], visited: false });
    expect(edges.map((e) => e.kind)).toEqual(["other", "other", "branch", "path", "path"]);
  });

  it("gives each team its own lane and skips steps it cannot place", () => {
    const { edges } = pathMapLayout(
      map,
      [
        { kind: "team", colour: 0, steps: [{ from: "a", to: "b" }] },
        {
          kind: "team",
          colour: 1,
          steps: [{ from: "a", to: "b" }, { to: "win" }, { from: "b", to: "nowhere" }],
        },
      ],
      400,
      200,
    );
    const teams = edges.filter((e) => e.kind === "team");
    expect(teams.map((e) => [e.colour, e.lane])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});
