import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import type { SessionHost } from "../sessions/SessionHost";
import type { LrsSender } from "./lrsSender";
import { XapiFeed } from "./xapiFeed";
import { XapiOutbox } from "./xapiOutbox";

/** The xAPI side of a running server: the outbox, the feed that fills it and the sender that empties it. */
export type XapiParts = { outbox: XapiOutbox; feed: XapiFeed; sender: LrsSender };

/**
 * Starts xAPI once the server's origin (the statements' IRIs) is known: records what a stopped server left
 * pending, then starts sending.
 */
export function startXapi(deps: {
  store: AsyncSessionStore;
  host: SessionHost;
  now: () => number;
  origin: string;
  sender: LrsSender;
  log?: ((line: string) => void) | undefined;
}): XapiParts {
  const { store, host, sender, log } = deps;
  const learning = store.learning;
  const outbox = new XapiOutbox(
    store.xapi,
    { origin: deps.origin, groupName: async (groupId) => (await learning.group(groupId))?.name },
    deps.now,
    () => sender.kick(),
  );
  const feed = new XapiFeed({
    learning: host.learning,
    groupSessions: (groupId) => learning.groupSessions(groupId),
    outbox,
    store: store.xapi,
    ...(log ? { log } : {}),
  });
  // Sessions come back lazily, so none runs yet: only what a stopped server left pending is recorded.
  void feed.catchUp(host.liveSessions().map((r) => r.id));
  sender.start();
  return { outbox, feed, sender };
}
