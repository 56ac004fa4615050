/** Why hosting was refused by a bound on live sessions, in the API's error shape. */
export type LimitRefusal = { status: number; code: string; message: string };

/**
 * Bounds the live sessions one address may have hosted, and all live sessions on the server, so nobody
 * fills the store with sessions. Who hosted what is kept in memory only: after a restart the resumed
 * sessions count towards the total but no longer towards an address.
 */
export class HostingLimits {
  private readonly byAddress = new Map<string, Set<string>>();

  constructor(
    private readonly limits: { maxSessionsPerAddress: number; maxSessions: number },
    private readonly liveCount: () => number,
    private readonly isLive: (code: string) => boolean,
  ) {}

  /** Why `address` may not host another session now, or nothing when it may. */
  refusal(address: string): LimitRefusal | undefined {
    if (this.liveCount() >= this.limits.maxSessions)
      return {
        status: 503,
        code: "host.server-full",
        message: `This server already runs ${this.limits.maxSessions} sessions, its limit; finish one or try later.`,
      };
    if (this.hostedBy(address) >= this.limits.maxSessionsPerAddress)
      return {
        status: 429,
        code: "host.address-full",
        message: `Your address already hosts ${this.limits.maxSessionsPerAddress} live sessions, the limit; finish one first.`,
      };
    return undefined;
  }

  /** Notes that `address` hosted the session `code`. */
  record(address: string, code: string): void {
    const codes = this.byAddress.get(address) ?? new Set<string>();
    codes.add(code);
    this.byAddress.set(address, codes);
  }

  /** Live sessions hosted from `address`, forgetting the ones that finished meanwhile. */
  private hostedBy(address: string): number {
    const codes = this.byAddress.get(address);
    if (!codes) return 0;
    for (const code of codes) if (!this.isLive(code)) codes.delete(code);
    if (codes.size === 0) this.byAddress.delete(address);
    return codes.size;
  }
}
