import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./clientAddress";

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  } as unknown as IncomingMessage;
}

describe("clientAddress", () => {
  it("uses the socket's peer and ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress(request("::ffff:192.168.1.20", "6.6.6.6"))).toBe("192.168.1.20");
    expect(clientAddress(request("10.0.0.5"))).toBe("10.0.0.5");
  });

  it("behind trusted proxies takes the entry they appended, not what the client wrote in front", () => {
    const req = request("127.0.0.1", "6.6.6.6, 203.0.113.9");
    expect(clientAddress(req, 1)).toBe("203.0.113.9");
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    // No header (a request straight to the server): the peer.
    expect(clientAddress(request("127.0.0.1"), 1)).toBe("127.0.0.1");
  });

  it("counts an IPv6 address by its /64", () => {
    expect(addressKey("2001:db8:0:12:a:b:c:d")).toBe("2001:db8:0:12::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("2001:0db8:0000:0012::ffff")).toBe("2001:db8:0:12::/64");
    expect(addressKey("::1")).toBe("::1");
  });
});
