import { isIPv6 } from "node:net";
import type { IncomingMessage } from "node:http";

/**
 * The address a request is throttled and counted by. Behind `proxyHops` trusted reverse proxies it is the
 * entry those proxies appended to `X-Forwarded-For` (never the client-written part in front of it, which
 * anyone can fake); without proxies it is the socket's peer. IPv4-mapped IPv6 is shown as IPv4, and an IPv6
 * address counts by its /64, the block one household or phone is given, so rotating addresses inside it
 * does not give a guesser a fresh budget.
 */
export function clientAddress(req: IncomingMessage, proxyHops = 0): string {
  let address = req.socket.remoteAddress ?? "unknown";
  if (proxyHops > 0) {
    const header = req.headers["x-forwarded-for"];
    const chain = (Array.isArray(header) ? header.join(",") : (header ?? ""))
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    address = chain[Math.max(0, chain.length - proxyHops)] ?? address;
  }
  return addressKey(address);
}

/** `::ffff:10.1.2.3` → `10.1.2.3`; `2001:db8:1:2:a:b:c:d` → `2001:db8:1:2::/64`; IPv4 as it is. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  if (address === "::1") return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const front = head === "" ? [] : head.split(":");
  const back = tail === "" ? [] : tail.split(":");
  const groups = address.includes("::")
    ? [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
