import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressDir } from "./precompress";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("precompressDir", () => {
  it("writes brotli and gzip copies of text assets that decompress to the original, and reports the sizes", () => {
    dir = mkdtempSync(join(tmpdir(), "hotseat-precompress-"));
    mkdirSync(join(dir, "assets"));
    const script = `export const s = ${JSON.stringify("hotseat ".repeat(2000))};\n`;
    writeFileSync(join(dir, "assets", "index-abc.js"), script);
    writeFileSync(join(dir, "index.html"), `<!doctype html>${"<p>hello</p>".repeat(200)}`);
    const out = precompressDir(dir);
    const file = join(dir, "assets", "index-abc.js");
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(existsSync(join(dir, "index.html.br"))).toBe(true);
    const entry = out.find((f) => f.file === file);
    expect(entry?.raw).toBe(script.length);
    expect(entry?.br).toBeLessThan((entry?.gz ?? 0) + 1);
    expect(entry?.br).toBeLessThan(script.length / 10);
  });

  it("leaves tiny files and files that are compressed already alone", () => {
    dir = mkdtempSync(join(tmpdir(), "hotseat-precompress-"));
    writeFileSync(join(dir, "tiny.js"), "1");
    writeFileSync(join(dir, "photo.png"), Buffer.alloc(4096, 7));
    expect(precompressDir(dir)).toEqual([]);
    expect(existsSync(join(dir, "tiny.js.br"))).toBe(false);
    expect(existsSync(join(dir, "photo.png.gz"))).toBe(false);
  });
});
