import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Application } from "express";
import { precompressedStatic, revalidateCache, sendBuilt } from "./precompressedStatic";

/** Where the built client is looked for: `$HOTSEAT_CLIENT_DIR`, else `client/dist` of this repository. */
export function defaultClientDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.HOTSEAT_CLIENT_DIR ?? join(import.meta.dirname, "..", "..", "..", "client", "dist"));
}

/**
 * Serves the built client with a single-page-app fallback, so `/join/KQWXYR` and every client route load
 * `index.html`. Without a build (tests, `npm run dev`), these routes answer 404 with a hint. Assets go out
 * precompressed (brotli or gzip, made by the build) with a long cache for hashed names; see precompressedStatic.
 */
export function mountClient(app: Application, clientDir: string): void {
  const index = join(clientDir, "index.html");
  const built = existsSync(index);
  if (built) app.use(precompressedStatic(clientDir));
  app.get(/^\/(?!api\/|matchmake\/).*/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    if (!built) {
      res.status(404).type("text").send("The client is not built: run `npm run build` (or `npm start`).");
      return;
    }
    // index.html names the hashed bundles, so it must never be cached or a redeploy breaks open tabs.
    sendBuilt(req, res, index, revalidateCache);
  });
}
