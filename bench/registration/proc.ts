/** Processes the bench starts, and the CPU time they use (from /proc, so no cooperation is needed). */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // gone
  }
  return out;
}

function treePids(pid: number): number[] {
  const out: number[] = [];
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...childrenOf(p));
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** utime + stime of a process and all its descendants, in ms (npm → sh → tsx → node is a tree). */
export function treeCpuMs(pid: number): number {
  let total = 0;
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop()!;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS; // fields 14 and 15 of stat(5)
    } catch {
      continue;
    }
    stack.push(...childrenOf(p));
  }
  return total;
}

/**
 * CPU of each PostgreSQL server process on this machine (postmaster, backends, workers), in ms by
 * pid: utime + stime + cutime + cstime. The last two are the children a process has reaped: for the
 * postmaster, every backend that has exited (pgbench's, at its end), which so still counts.
 */
export function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== "postgres") continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields 14–17 of stat(5): utime, stime, cutime, cstime
      out.set(Number(entry), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS);
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * The PostgreSQL CPU spent between two snapshots, in ms: each process's growth, a process started
 * in between counted whole; null where no PostgreSQL process is visible (a server elsewhere).
 */
export function postgresCpuSince(before: Map<number, number>): number | null {
  const now = postgresCpu();
  if (now.size === 0) return null;
  let total = 0;
  for (const [pid, ms] of now) total += ms - (before.get(pid) ?? 0);
  return total;
}

export type Started = { base: string; pid: number; stop(): Promise<void> };

/** Starts a server in its own process group, waits until `readyPath` answers, and stops the whole group. */
export async function startProcess(
  cmd: string,
  args: string[],
  opts: { env: Record<string, string | undefined>; port: number; readyPath: string; cwd?: string; quiet?: boolean },
): Promise<Started> {
  const child: ChildProcess = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", opts.quiet ? "ignore" : "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  let exited = false;
  const exitedP = new Promise<void>((r) => child.once("exit", () => ((exited = true), r())));
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`${cmd} ${args.join(" ")} exited before it was ready`);
    const ok = await fetch(base + opts.readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error(`${cmd} not ready after 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid!,
    async stop() {
      if (exited) return;
      const tree = treePids(child.pid!);
      process.kill(-child.pid!, "SIGTERM"); // the group we started: npm, sh, tsx and node
      // Wait for every process of the tree (node writes its --cpu-prof file on the way out).
      for (let i = 0; i < 150 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
      if (tree.some(alive)) process.kill(-child.pid!, "SIGKILL");
      await exitedP;
    },
  };
}
