import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transformWithOxc, type Plugin } from "vite";
import { catalogs, uiLocales } from "./src/i18n/t";
import type { MessageKey } from "./src/i18n/en";

/** The texts the join page shows before the entry chunk has arrived, in every UI language. */
const keys: MessageKey[] = [
  "app.title",
  "app.tagline",
  "home.code",
  "home.name",
  "home.join",
  "home.language",
  "home.codeMissing",
  "home.nameMissing",
  "conn.connecting",
];

/** The join page's texts by language, for the inline script (`src/dom/earlyJoin.ts`). */
export function joinTexts(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    uiLocales.map((l) => [
      l,
      Object.fromEntries(
        keys.map((k) => [k, catalogs[l][k] ?? catalogs.en[k]]).filter(([, v]) => typeof v === "string"),
      ),
    ]),
  );
}

/**
 * Puts `src/dom/earlyJoin.ts` (compiled) and the join page's texts into index.html where it says
 * `<!--hotseat:early-join-->`: a phone on a slow network sees the join form and can press Join as soon as
 * the HTML is there, instead of after the entry chunk (a round trip and ~90 KB later).
 */
export function earlyJoin(): Plugin {
  const source = fileURLToPath(new URL("./src/dom/earlyJoin.ts", import.meta.url));
  return {
    name: "hotseat-early-join",
    async transformIndexHtml(html, ctx) {
      // Only the app's page has a join form; development pages (faces.html) are left as they are.
      if (!ctx.filename.endsWith("index.html")) return html;
      const { code } = await transformWithOxc(readFileSync(source, "utf8"), source, { lang: "ts" });
      // `</` inside a script element would end it.
      const json = JSON.stringify(joinTexts()).replace(/</g, "\\u003c");
      const scripts = `<script type="application/json" id="join-texts">${json}</script>\n    <script>${code.replace(/<\/script/gi, "<\\/script")}</script>`;
      if (!html.includes("<!--hotseat:early-join-->"))
        throw new Error("index.html lost <!--hotseat:early-join-->");
      return html.replace("<!--hotseat:early-join-->", scripts);
    },
  };
}
