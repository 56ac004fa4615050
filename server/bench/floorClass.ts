// The floor for the class benchmark: a bare `ws` server (floorServer.ts, in its own child process) that
// broadcasts a payload to N clients, which are WebSockets of the same kind the SDK uses (Node's own). The
// clients either only note the message's arrival (the raw floor), or also decode it as msgpack, the least any
// client must do to see a view (the SDK decodes every message with the same msgpackr).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { unpack } from "msgpackr";
import { inBatches, sleep, until } from "./benchUtils";
import { sampleProcess } from "./procStats";
import { repoRoot } from "./serverProcess";

export type FloorClass = {
  /**
   * One broadcast of `payload` (msgpack) to everyone: each client's ms from the send to receiving it (and,
   * when `decode`, decoding it), and the server's CPU.
   */
  round: (payload: Uint8Array, decode: boolean) => Promise<{ latencies: number[]; cpuMs: number }>;
  close: () => void;
};

export async function openFloorClass(n: number): Promise<FloorClass> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "server", "bench", "floorServer.ts")],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const sockets: WebSocket[] = [];
  const close = () => {
    for (const s of sockets) s.close();
    child.kill("SIGKILL");
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the floor server did not start")), 30_000);
      child.stdout?.on("data", (d: Buffer) => {
        const match = /floor listening on (\d+)/.exec(d.toString());
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    const open = (path: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
        socket.binaryType = "arraybuffer";
        socket.onopen = () => resolve(socket);
        socket.onerror = () => reject(new Error("floor connection failed"));
        sockets.push(socket);
      });
    const received: (number | undefined)[] = new Array<number | undefined>(n);
    let decoding = false;
    await inBatches(n, 50, async (i) => {
      const socket = await open("/");
      socket.onmessage = (e: MessageEvent) => {
        if (decoding) unpack(new Uint8Array(e.data as ArrayBuffer));
        received[i] ??= performance.now();
      };
      return socket;
    });
    const control = await open("/?control");
    await sleep(200);
    const pid = child.pid ?? 0;
    return {
      round: async (payload, decode) => {
        received.fill(undefined);
        decoding = decode;
        const cpu0 = sampleProcess(pid).cpuMs;
        const t0 = performance.now();
        control.send(payload);
        await until(() => received.every((t) => t !== undefined), "every floor client to receive");
        const latencies = received.map((t) => t! - t0);
        await sleep(50);
        return { latencies, cpuMs: sampleProcess(pid).cpuMs - cpu0 };
      },
      close,
    };
  } catch (e) {
    close();
    throw e;
  }
}
