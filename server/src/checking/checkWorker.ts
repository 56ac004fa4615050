// The worker thread behind `checkScenarioOffThread`: loads each text it is sent with the library's loader.
import { parentPort } from "node:worker_threads";
import { loadEntry, summarize } from "../scenarioLibrary";
import type { CheckJob, CheckReply } from "./checkScenarioOffThread";

parentPort?.on("message", (job: CheckJob) => {
  const entry = loadEntry(job.source, job.file, "upload");
  const reply: CheckReply = { id: job.id, result: { ...summarize(entry), diagnostics: entry.diagnostics } };
  parentPort?.postMessage(reply);
});
