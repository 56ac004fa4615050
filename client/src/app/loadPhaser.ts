import type { PhaserApp } from "./phaserApp";
import type { Route } from "./route";

let loading: Promise<PhaserApp> | undefined;

/**
 * Fetches the canvas part of the client (Phaser, about 280 KB brotli, and the scenes) and creates the game,
 * once. Phones on a join link call it after their DOM page is up, so the download never delays the vote.
 */
export function loadPhaser(route: Route): Promise<PhaserApp> {
  loading ??= import("./phaserApp").then((m) => m.createPhaserApp(route));
  return loading;
}
