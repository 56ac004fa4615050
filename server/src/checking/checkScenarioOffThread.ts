import { Worker } from "node:worker_threads";
import type { CheckResponse } from "@hotseat/shared";

/** Why a check gave no result: too many checks waiting, or the text took longer than the time limit. */
export class CheckRefused extends Error {
  constructor(
    readonly reason: "busy" | "timeout",
    message: string,
  ) {
    super(message);
  }
}

/** One text sent to the worker. */
export type CheckJob = { id: number; source: string; file: string };
/** The worker's answer to one job. */
export type CheckReply = { id: number; result: CheckResponse };

/** Limits of the checker; the defaults suit a server on a small machine. */
export type CheckerOptions = {
  /** A check still running after this long is stopped (its worker too). */
  timeoutMs?: number;
  /** Checks that may wait behind the running one; more are refused as busy. */
  maxWaiting?: number;
};

type Pending = { job: CheckJob; resolve: (r: CheckResponse) => void; reject: (e: Error) => void };

/**
 * Checks scenario texts in a worker thread, one at a time, so a slow or hostile text never holds up the
 * event loop that serves live sessions; a check that overruns its time limit is stopped with its worker.
 */
export class OffThreadChecker {
  private worker: Worker | undefined;
  private running: (Pending & { timer: NodeJS.Timeout }) | undefined;
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly maxWaiting: number;

  constructor(options: CheckerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxWaiting = options.maxWaiting ?? 4;
  }

  /** Checks `source` as the file `file`; rejects with `CheckRefused` when busy or too slow. */
  check(source: string, file: string): Promise<CheckResponse> {
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.reject(
        new CheckRefused("busy", "The server is checking other scenarios; try again in a moment."),
      );
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, source, file }, resolve, reject });
      this.startNext();
    });
  }

  /** Stops the worker; checks still waiting are refused. */
  async close(): Promise<void> {
    for (const pending of this.waiting.splice(0)) {
      pending.reject(new CheckRefused("busy", "The server is shutting down."));
    }
    this.finish()?.reject(new CheckRefused("busy", "The server is shutting down."));
    await this.stopWorker();
  }

  private startNext(): void {
    if (this.running !== undefined) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    const timer = setTimeout(() => this.overrun(), this.timeoutMs);
    this.running = { ...next, timer };
    this.workerNow().postMessage(next.job);
  }

  private overrun(): void {
    const seconds = this.timeoutMs / 1000;
    this.finish()?.reject(
      new CheckRefused(
        "timeout",
        `Checking this text took longer than ${seconds} s, so it was stopped. A scenario file never needs that long: look for thousands of repeated or broken lines.`,
      ),
    );
    // The worker is still busy with the text: stop it, and start a fresh one for the next check.
    void this.stopWorker();
    this.startNext();
  }

  private finish(): Pending | undefined {
    const done = this.running;
    if (done !== undefined) clearTimeout(done.timer);
    this.running = undefined;
    return done;
  }

  private workerNow(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(new URL("./checkWorker.ts", import.meta.url), {
      // The server runs TypeScript through tsx; a worker must load it the same way, also under Vitest.
      execArgv: ["--disable-warning=ExperimentalWarning", "--import", "tsx"],
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    worker.on("message", (reply: CheckReply) => {
      if (this.running?.job.id !== reply.id) return;
      this.finish()?.resolve(reply.result);
      this.startNext();
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.finish()?.reject(error);
      this.startNext();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`The scenario checker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }
}

let shared: OffThreadChecker | undefined;

/** Checks a scenario text off the event loop with the server's one shared checker. */
export function checkScenarioOffThread(source: string, file: string): Promise<CheckResponse> {
  shared ??= new OffThreadChecker();
  return shared.check(source, file);
}
