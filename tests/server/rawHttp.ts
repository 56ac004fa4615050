import { request } from "node:http";
import { connect } from "node:net";

/** A response as the tests read it. */
export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/**
 * An HTTP request from a chosen local address (any of 127.0.0.0/8 on Linux), so a test can be two
 * different clients to the server's per-address throttles.
 */
export function requestFrom(
  localAddress: string,
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        localAddress,
        method: init.method ?? "GET",
        headers: init.headers ?? {},
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/**
 * Sends `raw` bytes over a plain TCP socket and collects everything until the server closes it (or
 * `waitMs` passes): for requests no HTTP client would send, like a body shorter than its Content-Length.
 */
export function rawExchange(
  port: number,
  raw: string,
  waitMs = 10_000,
): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect({ host: "127.0.0.1", port });
    let text = "";
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("close", () => done(true));
    socket.on("error", () => done(true));
    socket.write(raw);
  });
}
