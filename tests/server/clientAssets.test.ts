import { request } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import { startTestServer } from "./harness";

// A client build as Vite leaves it: index.html naming a hashed bundle, with the build step's .br/.gz copies.
const clientDir = mkdtempSync(join(tmpdir(), "hotseat-assets-"));
const script = `console.log(${JSON.stringify("hotseat ".repeat(4000))});\n`;
const page = `<!doctype html><title>Hotseat</title><script type="module" src="/assets/index-3f2a1b.js"></script>${"<!-- padding -->".repeat(100)}`;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), page);
  writeFileSync(join(clientDir, "assets", "index-3f2a1b.js"), script);
  // What client/precompress.ts writes beside each file at build time (tested in client/precompress.test.ts).
  for (const file of [join(clientDir, "index.html"), join(clientDir, "assets", "index-3f2a1b.js")]) {
    const raw = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(raw));
    writeFileSync(`${file}.gz`, gzipSync(raw));
  }
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(clientDir, { recursive: true, force: true });
});

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A real HTTP GET that leaves the body as it travelled (fetch would decompress it). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const chrome = "gzip, deflate, br, zstd";

describe("the client build over HTTP", () => {
  it("sends hashed assets as brotli to a browser, with a year's immutable cache", async () => {
    const res = await get("/assets/index-3f2a1b.js", { "accept-encoding": chrome });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    // What travels is a fraction of the file.
    expect(res.body.length).toBeLessThan(script.length / 10);
  });

  it("sends gzip to a client without brotli, and the plain file to one that takes neither", async () => {
    const gz = await get("/assets/index-3f2a1b.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(gz.headers["vary"]).toMatch(/Accept-Encoding/i);
    const plain = await get("/assets/index-3f2a1b.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("sends the page compressed and never cached, on / and on every client route", async () => {
    for (const path of ["/", "/join/KQWXYR", "/index.html"]) {
      const res = await get(path, { "accept-encoding": chrome, accept: "text/html" });
      expect(res.status, path).toBe(200);
      expect(res.headers["content-encoding"], path).toBe("br");
      expect(res.headers["content-type"], path).toMatch(/text\/html/);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(res.headers["vary"], path).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(res.body).toString(), path).toBe(page);
    }
  });

  it("answers a missing asset with 404, not with the page, and serves nothing outside the build", async () => {
    const missing = await get("/assets/index-000000.js", { accept: "*/*" });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain("<!doctype html>");
    const outside = await get("/assets/..%2f..%2fpackage.json", { accept: "*/*" });
    expect(outside.body.toString()).not.toContain(
      readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"),
    );
  });
});
