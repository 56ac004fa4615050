import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** File types worth compressing: text. Images and fonts are compressed already. */
const compressible = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".map", ".wasm"]);
/** Below this a compressed copy saves less than the headers it costs. */
const minBytes = 1024;

/** What one file became: its size, and the sizes of its `.br` and `.gz` copies. */
export type Precompressed = { file: string; raw: number; br: number; gz: number };

/**
 * Writes `name.br` (brotli, best quality) and `name.gz` (gzip -9) beside every compressible file under
 * `dir`, so the server sends ready-made bytes instead of compressing on every request or not at all.
 */
export function precompressDir(dir: string): Precompressed[] {
  const out: Precompressed[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !compressible.has(extname(entry.name))) continue;
    const file = join(entry.parentPath, entry.name);
    const raw = readFileSync(file);
    if (raw.length < minBytes) continue;
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    out.push({ file, raw: raw.length, br: br.length, gz: gz.length });
  }
  return out;
}

/** The Vite plugin: precompresses the build output once it is written, and prints what travels. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "hotseat-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (!outDir || !statSync(outDir, { throwIfNoEntry: false })?.isDirectory()) return;
      const files = precompressDir(outDir);
      const sum = (pick: (f: Precompressed) => number) => files.reduce((a, f) => a + pick(f), 0);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      this.info(
        `precompressed ${files.length} files: ${kb(sum((f) => f.raw))} → brotli ${kb(sum((f) => f.br))}, gzip ${kb(sum((f) => f.gz))}`,
      );
    },
  };
}
