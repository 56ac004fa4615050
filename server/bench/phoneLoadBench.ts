// What a phone joining a session really downloads, and how long it waits before it can vote (issue 8, "the
// phone's download"). A real server in a child process with the flagship scenario and a vote open; a phone
// (390x844, touch, deviceScaleFactor 2) in headless Chromium opens the join link, types a name, presses Join
// and waits until the options are on screen. Bytes are Chromium's own count of what crossed the wire (CDP
// Network.loadingFinished encodedDataLength: headers and compressed body; WebSocket frames counted apart).
// Two network profiles: none, and DevTools' "Fast 3G" (since Chrome 126 named "Slow 4G", crbug.com/342406608):
// 562.5 ms latency (150 ms RTT × 3.75), 1.6 Mbit/s × 0.9 = 180,000 B/s down, 750 kbit/s × 0.9 = 84,375 B/s up,
// the values of devtools-frontend's NetworkManager.ts that Puppeteer's PredefinedNetworkConditions copies.
// (Puppeteer's PredefinedNetworkConditions["Fast 3G"] has the same numbers; older DevTools used 1024-based
// ones, 188,744 B/s down, a little faster than these.) The time to the first vote runs from the navigation
// to the join link until an enabled option button is on screen, whether the phone's HTML page or the canvas
// shows it. Fast 3G is measured `HOTSEAT_BENCH_RUNS` times (default 5), each on a fresh phone, and printed
// as a median with two baselines measured on the same phone right after: the time to fetch a fixed 100,000
// byte incompressible file through the same throttle (ideal: 562.5 ms + 556 ms), and the time of a fixed
// CPU task in the page (the machine is shared, so a slow run shows which one was slow).
// Then the same phone opens the link again (a second visit, e.g. after a reload): the immutable assets come
// from its cache. `HOTSEAT_BENCH_SHOTS=dir` saves the first Fast 3G phone at its first vote and after the
// canvas took over. Run: npx tsx server/bench/phoneLoadBench.ts (HOTSEAT_CLIENT_DIR for another build).
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, CDPSession } from "playwright-core";
import { until } from "./benchUtils";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";

/** A network profile for CDP Network.emulateNetworkConditions (bytes per second, ms). */
type Profile = { name: string; latency: number; downloadThroughput: number; uploadThroughput: number };

const profiles: Profile[] = [
  { name: "no throttling", latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  {
    name: 'DevTools "Fast 3G"',
    latency: 150 * 3.75,
    downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
    uploadThroughput: ((750 * 1000) / 8) * 0.9,
  },
];

/** One visit: what went over the wire and when the phone could act. */
type Visit = {
  httpBytes: number;
  wsBytes: number;
  requests: { url: string; bytes: number; encoding: string; status: number; cached: boolean }[];
  formMs: number;
  voteMs: number;
  /** Who showed the first vote: the phone's HTML page (before Phaser) or the canvas. */
  votedOn: "html page" | "canvas";
  /** When the canvas had taken over (Phaser downloaded, booted and drawn). */
  canvasMs: number;
  /** Baselines on the same phone: a fixed 100,000 B fetch through the throttle, and a fixed CPU task. */
  baselineFetchMs: number;
  baselineCpuMs: number;
  /** When the last script arrived, from the start of the visit (the rest is the phone's CPU and the join). */
  scriptsMs: number;
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Builds the client as production (like tests/e2e/harness.ts) when the build is missing. */
function ensureClientBuilt(clientDir: string): void {
  if (existsSync(join(clientDir, "index.html"))) return;
  const built = spawnSync(
    join(repoRoot, "node_modules", ".bin", "vite"),
    ["build", "--config", "client/vite.config.ts"],
    { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (built.status !== 0) throw new Error("client build failed");
}

/** Counts every response's bytes on the wire and every WebSocket frame's payload, from CDP events. */
function recordNetwork(
  cdp: CDPSession,
  t0: () => number,
): () => Pick<Visit, "httpBytes" | "wsBytes" | "requests" | "scriptsMs"> {
  const urls = new Map<string, { url: string; encoding: string; status: number; cached: boolean }>();
  const finished = new Map<string, number>();
  let wsBytes = 0;
  // What happened when, in seconds of CDP's clock from the page's request (HOTSEAT_BENCH_TRACE=1 prints it).
  const trace: [number, string][] = [];
  let first = 0;
  const at = (ts: number, what: string) => {
    first ||= ts;
    trace.push([ts - first, what]);
  };
  const path = (u: string) => u.replace(/^\w+:\/\/[^/]+/, "").slice(0, 60);
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!e.request.url.startsWith("data:")) at(e.timestamp, `request ${path(e.request.url)}`);
    // Phaser's built-in textures are data: URLs; nothing travels for them.
    if (!e.request.url.startsWith("data:"))
      urls.set(e.requestId, { url: e.request.url, encoding: "", status: 0, cached: false });
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = urls.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = urls.get(e.requestId);
    if (!r) return;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    r.encoding = String(headers["content-encoding"] ?? "identity");
    r.status = e.response.status;
    r.cached ||= Boolean(e.response.fromDiskCache);
  });
  let scriptsMs = 0;
  cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => at(e.timestamp, "websocket handshake sent"));
  cdp.on("Network.webSocketHandshakeResponseReceived", (e) => at(e.timestamp, "websocket open"));
  cdp.on("Network.webSocketFrameReceived", (e) => at(e.timestamp, "websocket frame received"));
  cdp.on("Network.webSocketFrameSent", (e) => at(e.timestamp, "websocket frame sent"));
  cdp.on("Network.loadingFinished", (e) => {
    const r = urls.get(e.requestId);
    if (r) at(e.timestamp, `finished ${path(r.url)} (${e.encodedDataLength} B)`);
    finished.set(e.requestId, e.encodedDataLength);
    if (urls.get(e.requestId)?.url.endsWith(".js")) scriptsMs = Math.max(scriptsMs, performance.now() - t0());
  });
  // Frames arrive as text or base64 (binary: Colyseus sends msgpack), so count the decoded length.
  const frame = (e: { response: { opcode: number; payloadData: string } }) =>
    (wsBytes +=
      e.response.opcode === 2
        ? Buffer.from(e.response.payloadData, "base64").length
        : e.response.payloadData.length);
  cdp.on("Network.webSocketFrameReceived", frame);
  cdp.on("Network.webSocketFrameSent", frame);
  return () => {
    const requests = [...finished.entries()].flatMap(([id, bytes]) => {
      const r = urls.get(id);
      return r ? [{ ...r, bytes }] : [];
    });
    if (process.env.HOTSEAT_BENCH_TRACE)
      for (const [t, what] of trace)
        console.log(`    ${String(Math.round(t * 1000)).padStart(6)} ms  ${what}`);
    return { httpBytes: requests.reduce((a, r) => a + r.bytes, 0), wsBytes, requests, scriptsMs };
  };
}

/** A server of one fixed-size incompressible file, fetched by each phone as its network baseline. */
async function startBaselineServer(): Promise<{ url: string; close: () => void }> {
  const blob = randomBytes(100_000);
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "cache-control": "no-store",
      "access-control-allow-origin": "*",
    });
    res.end(blob);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/blob`,
    close: () => server.close(),
  };
}

const onHtmlPage = `(document.querySelector("#dom-page:not([hidden])") !== null)`;

/** Opens the join link on the phone, joins as `name` and waits for the vote's options to be drawn. */
async function visit(
  context: BrowserContext,
  url: string,
  code: string,
  name: string,
  profile: Profile,
  baselineUrl: string,
  shots?: string,
): Promise<Visit> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => console.error("page error:", e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.downloadThroughput,
    uploadThroughput: profile.uploadThroughput,
  });
  let t0 = performance.now();
  const network = recordNetwork(cdp, () => t0);
  t0 = performance.now();
  await page.goto(`${url}/join/${code}`, { waitUntil: "commit" });
  await page.waitForSelector("#join-name", { state: "visible" });
  const formMs = performance.now() - t0;
  await page.fill("#join-name", name);
  await page.click("#join-button");
  await page.waitForFunction(
    `window.__hotseat?.targets().some((t) => t.id.startsWith("option.") && t.enabled) ?? false`,
    null,
    { polling: "raf" },
  );
  const voteMs = performance.now() - t0;
  const votedOn = (await page.evaluate(onHtmlPage)) ? "html page" : "canvas";
  if (shots) await page.screenshot({ path: join(shots, "phone-first-vote-390.png") });
  await page.waitForFunction(`window.__hotseat?.ready === true && !${onHtmlPage}`, null, { polling: "raf" });
  const canvasMs = performance.now() - t0;
  // Late arrivals (a chunk still finishing) belong to this visit too.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const net = network();
  if (shots) {
    await page.waitForFunction(`window.__hotseat?.settled() === true`, null, { polling: 100 });
    await page.screenshot({ path: join(shots, "phone-canvas-390.png") });
  }
  const baselineFetchMs = await page.evaluate(async (u) => {
    const start = performance.now();
    await (await fetch(`${u}?t=${Math.random()}`)).arrayBuffer();
    return performance.now() - start;
  }, baselineUrl);
  const baselineCpuMs = await page.evaluate(() => {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 20_000_000; i++) x = (x * 31 + i) % 1_000_003;
    return performance.now() - start + (x < 0 ? 1 : 0);
  });
  await page.close();
  return { ...net, formMs, voteMs, votedOn, canvasMs, baselineFetchMs, baselineCpuMs };
}

function print(label: string, v: Visit): void {
  console.log(`\n${label}`);
  for (const r of v.requests.sort((a, b) => b.bytes - a.bytes))
    console.log(
      `  ${String(r.bytes).padStart(9)} B  ${r.cached ? "cache" : r.encoding.padEnd(8)} ${r.status} ${r.url.replace(/^https?:\/\/[^/]+/, "")}`,
    );
  console.log(
    `  HTTP on the wire ${kb(v.httpBytes)} (${v.requests.length} requests) + WebSocket ${kb(v.wsBytes)} = ${kb(v.httpBytes + v.wsBytes)}`,
  );
  const byType = new Map<string, number>();
  for (const r of v.requests) {
    const type = r.url.endsWith(".js")
      ? "script"
      : /\/(join|play)\//.test(r.url)
        ? "page"
        : /\/(api|matchmake)\//.test(r.url)
          ? "api"
          : "other";
    byType.set(type, (byType.get(type) ?? 0) + r.bytes);
  }
  console.log(
    `  by type: ${[...byType].map(([k, n]) => `${k} ${kb(n)}`).join(", ")}, websocket ${kb(v.wsBytes)}`,
  );
  console.log(
    `  scripts downloaded after ${Math.round(v.scriptsMs)} ms; join form shown after ${Math.round(v.formMs)} ms; first vote on screen after ${Math.round(v.voteMs)} ms (on the ${v.votedOn}); canvas in charge after ${Math.round(v.canvasMs)} ms`,
  );
  console.log(
    `  baselines: 100,000 B fetched in ${Math.round(v.baselineFetchMs)} ms; CPU task ${Math.round(v.baselineCpuMs)} ms`,
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

async function main(): Promise<void> {
  const clientDir = process.env.HOTSEAT_CLIENT_DIR ?? join(repoRoot, "client", "dist");
  ensureClientBuilt(clientDir);
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-phone-bench-"));
  const server = await startServerProcess(await freePort(), {
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: join(repoRoot, "scenarios"),
    HOTSEAT_CLIENT_DIR: clientDir,
  });
  let browser: Browser | undefined;
  const rooms: Room[] = [];
  const baseline = await startBaselineServer();
  const runs = Math.max(1, Number(process.env.HOTSEAT_BENCH_RUNS ?? 5));
  const shots = process.env.HOTSEAT_BENCH_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  try {
    const hostRes = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "ruined-hat" }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!hostRes.ok) throw new Error(`hosting failed: ${hostRes.status} ${await hostRes.text()}`);
    const hosted = (await hostRes.json()) as { code: string; trainerToken: string };
    const trainer = await new Client(server.url.replace(/^http/, "ws")).joinById(hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    rooms.push(trainer);
    let phase = "";
    let voteOpen = false;
    trainer.onMessage("view", (v: { phase: string; vote?: { open: boolean } }) => {
      phase = v.phase;
      voteOpen = v.vote?.open ?? false;
    });
    trainer.onMessage("welcome", () => undefined);
    trainer.onMessage("error", (e: unknown) => console.error("trainer error", e));
    trainer.send("trainer.start", { type: "trainer.start" });
    await until(() => phase !== "" && phase !== "lobby", "the scenario to start", 15_000);
    trainer.send("trainer.openVote", { type: "trainer.openVote" });
    await until(() => voteOpen, "the vote to open", 15_000);

    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    console.log(`phone load benchmark: ${server.url}/join/${hosted.code}, client ${clientDir}`);
    // Times depend on the machine's spare CPU (the phone's page runs here too); bytes do not.
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    const phone = () =>
      browser!.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
    for (const [i, profile] of profiles.entries()) {
      const throttled = profile.latency > 0;
      const firsts: Visit[] = [];
      for (let run = 0; run < (throttled ? runs : 1); run++) {
        // A fresh phone each time: empty cache, no saved name.
        const context = await phone();
        const name = `Phone ${i}.${run}`;
        const first = await visit(
          context,
          server.url,
          hosted.code,
          name,
          profile,
          baseline.url,
          run === 0 && throttled ? shots : undefined,
        );
        firsts.push(first);
        if (run === 0) {
          print(`${profile.name}, first visit`, first);
          print(
            `${profile.name}, second visit`,
            await visit(context, server.url, hosted.code, name, profile, baseline.url),
          );
        } else
          console.log(
            `  run ${run + 1}: first vote ${Math.round(first.voteMs)} ms (${first.votedOn}), canvas ${Math.round(first.canvasMs)} ms, ${kb(first.httpBytes + first.wsBytes)}; baselines ${Math.round(first.baselineFetchMs)} ms fetch, ${Math.round(first.baselineCpuMs)} ms CPU`,
          );
        await context.close();
      }
      if (firsts.length > 1) {
        const m = (f: (v: Visit) => number) => Math.round(median(firsts.map(f)));
        console.log(
          `\n${profile.name}, first visits, median of ${firsts.length}: first vote ${m((v) => v.voteMs)} ms (range ${Math.round(Math.min(...firsts.map((v) => v.voteMs)))}-${Math.round(Math.max(...firsts.map((v) => v.voteMs)))}), join form ${m((v) => v.formMs)} ms, canvas in charge ${m((v) => v.canvasMs)} ms, on the wire ${kb(m((v) => v.httpBytes + v.wsBytes))}; baselines ${m((v) => v.baselineFetchMs)} ms for 100,000 B, CPU task ${m((v) => v.baselineCpuMs)} ms`,
        );
      }
    }
  } finally {
    baseline.close();
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    await browser?.close();
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
