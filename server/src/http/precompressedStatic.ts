import { existsSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { pickEncoding, type Encoding } from "./pickEncoding";

/** Hashed build assets never change under their name: a year, and no revalidation on reload. */
export const immutableCache = "public, max-age=31536000, immutable";
/** Pages that name the hashed assets must be revalidated every time, or a redeploy breaks open tabs. */
export const revalidateCache = "no-cache";

const suffix: Record<Exclude<Encoding, "identity">, string> = { br: ".br", gzip: ".gz" };

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Sends `file` (inside the client build) as brotli or gzip when the build left a copy beside it and the
 * client accepts it, else as is; always with `Vary: Accept-Encoding`, so caches keep one copy per coding.
 */
export function sendBuilt(req: Request, res: Response, file: string, cacheControl: string): void {
  const available = (["br", "gzip"] as const).filter((e) => isFile(file + suffix[e]));
  const encoding = pickEncoding(req.headers["accept-encoding"], available);
  res.vary("Accept-Encoding");
  res.setHeader("Cache-Control", cacheControl);
  // The type comes from the original name, not from `.br`/`.gz`.
  res.type(extname(file));
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.sendFile(encoding === "identity" ? file : file + suffix[encoding], {
    cacheControl: false,
    dotfiles: "deny",
  });
}

/**
 * Serves the files of the client build (`/assets/app-3f2a1b.js`, …), precompressed when possible: hashed
 * files under `assets/` with a year's immutable cache, anything else revalidated. A missing asset is a 404,
 * never the single-page app's HTML (a browser would cache that page as a script).
 */
export function precompressedStatic(clientDir: string): RequestHandler {
  const root = normalize(clientDir + sep);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = normalize(join(root, path));
    // `..` or a NUL byte could name a file outside the build; such paths are not ours to serve.
    if (!file.startsWith(root) || file.includes("\0")) return next();
    const hashed = path.startsWith("/assets/");
    if (file === normalize(join(root, "index.html")) || !isFile(file)) {
      if (hashed && !existsSync(file)) {
        res.status(404).type("text").send("Not found");
        return;
      }
      return next();
    }
    sendBuilt(req, res, file, hashed ? immutableCache : revalidateCache);
  };
}
