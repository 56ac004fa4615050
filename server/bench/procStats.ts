import { readFileSync } from "node:fs";

/** CPU time (user + system) and resident memory of a process, read from /proc (Linux). */
export type ProcSample = { cpuMs: number; rssMb: number };

// Linux reports CPU in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const ticksPerSecond = 100;

/** Samples a process's CPU time and RSS; zeros where /proc is unavailable. */
export function sampleProcess(pid: number): ProcSample {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at state = field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpuMs: ((utime + stime) * 1000) / ticksPerSecond, rssMb: rssKb / 1024 };
  } catch {
    return { cpuMs: 0, rssMb: 0 };
  }
}
