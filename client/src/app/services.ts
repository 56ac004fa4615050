import type { Connection } from "../net/connection";
import type { Route } from "./route";
import type { Store } from "./store";

/** The app's singletons, set once by main.ts before the game boots; scenes read them from here. */
export type Services = { store: Store; conn: Connection; route: Route };

let services: Services | undefined;

/** Installs the singletons (main.ts only). */
export function provideServices(s: Services): void {
  services = s;
}

/** The app's singletons. */
export function app(): Services {
  if (!services) throw new Error("services not provided");
  return services;
}
