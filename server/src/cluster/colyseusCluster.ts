import { matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import type { SessionHost } from "../sessions/SessionHost";
import { PostgresSessionLeases } from "../store/postgres/PostgresSessionLeases";
import type { SessionLeases } from "../store/SessionLeases";
import { SessionOwnedElsewhereError } from "../store/SessionLeases";
import type { ClusterSettings } from "./clusterEnv";

/** Which lease owner (PostgreSQL) each Colyseus process id is, so a survivor can tell a dead owner's leases. */
const leaseOwnersKey = "hotseat:lease-owners";

/** The parts of Colyseus's `defineServer` options that make this process one of a cluster. */
export function clusterServerOptions(settings: ClusterSettings) {
  return {
    presence: new RedisPresence(settings.redisUrl),
    driver: new RedisDriver(settings.redisUrl),
    ...(settings.publicAddress !== undefined ? { publicAddress: settings.publicAddress } : {}),
    // A session's room runs where its lease was taken (this process): Colyseus would otherwise place it on
    // the process with the fewest rooms, which holds no lease for it. Sessions spread by where the proxy
    // sends the request that hosts or resumes them.
    selectProcessIdToCreateRoom: () => Promise.resolve(matchMaker.processId),
  };
}

/**
 * Brings a session back in a cluster: a session whose room runs on a live process is left to it (the
 * matchmaker reserves the seat there and the client goes to that process's public address); a session
 * whose process is gone (its Redis connection closed, as on kill -9) is taken over at once, its stale
 * listing dropped and its lease taken with a higher fencing number, instead of waiting for the lease to
 * run out. Otherwise it is the single-process `SessionHost.comeBack`.
 */
export class ClusterComeBack {
  private readonly leases: PostgresSessionLeases;

  constructor(
    private readonly host: SessionHost,
    leases: SessionLeases,
    private readonly log?: (line: string) => void,
  ) {
    if (!(leases instanceof PostgresSessionLeases))
      throw new Error(
        "A Hotseat cluster needs PostgreSQL (HOTSEAT_DATABASE_URL): its processes share the log.",
      );
    this.leases = leases;
  }

  /**
   * Tells the cluster which lease owner this process is; call once the matchmaker is set up. Drops the
   * entries of processes that are gone, so the table holds the live processes, not every one ever started.
   */
  async register(): Promise<void> {
    await matchMaker.presence.hset(leaseOwnersKey, matchMaker.processId, this.leases.owner);
    const owners = await matchMaker.presence.hgetall(leaseOwnersKey);
    for (const processId of Object.keys(owners ?? {}))
      if (!(await this.processAlive(processId))) await matchMaker.presence.hdel(leaseOwnersKey, processId);
  }

  /** Whether the Colyseus process still listens on its channel (its Redis connection is open). */
  private async processAlive(processId: string): Promise<boolean> {
    if (processId === matchMaker.processId) return true;
    return (await matchMaker.presence.channels(`p:${processId}`)).includes(`p:${processId}`);
  }

  /** Whether a lease owner is a live process of the cluster; an owner no process claims is gone. */
  private async ownerAlive(owner: string): Promise<boolean> {
    if (owner === this.leases.owner) return true;
    const owners = await matchMaker.presence.hgetall(leaseOwnersKey);
    for (const [processId, leaseOwner] of Object.entries(owners ?? {}))
      if (leaseOwner === owner && (await this.processAlive(processId))) return true;
    return false;
  }

  /**
   * Makes sure someone runs the live session with this code: true when it runs here or on a live process
   * of the cluster. Throws `SessionOwnedElsewhereError` while a live process holds the lease without a room
   * (it is starting one: the client tries again).
   */
  async comeBack(code: string): Promise<boolean> {
    if (this.host.runtime(code)) return true;
    // A stopping process takes no session (its lease would hold the session from the survivors until it
    // exits); the matchmaker answers from the listings and the client tries again, through another process.
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return false;
    const listing = await matchMaker.driver.findOne({ roomId: code });
    if (listing && listing.processId !== matchMaker.processId) {
      if (await this.processAlive(listing.processId)) return true;
      // Colyseus would find this listing and wait 2 s for the dead process before dropping its rooms.
      const driver = matchMaker.driver;
      await (driver.cleanup ? driver.cleanup(listing.processId) : driver.remove(code));
      this.log?.(`[${code}] its process ${listing.processId} is gone; its rooms are unlisted`);
    }
    try {
      return await this.host.comeBack(code);
    } catch (e) {
      if (!(e instanceof SessionOwnedElsewhereError) || (await this.ownerAlive(e.owner))) throw e;
      await this.leases.takeOver(e.sessionId, e.owner);
      this.log?.(`[${code}] lease taken over from ${e.owner}, which is gone`);
      return this.host.comeBack(code);
    }
  }
}
