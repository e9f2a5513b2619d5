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

/**
 * A process's name and the fields of /proc/<pid>/stat after it (fields[0] is the state, field 3 of
 * stat(5); fields[11..14] are utime, stime, cutime, cstime); undefined once it is gone.
 */
function procStat(pid: number | string): { name: string; fields: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const end = stat.lastIndexOf(")");
    return { name: stat.slice(stat.indexOf("(") + 1, end), fields: stat.slice(end + 2).split(" ") };
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.fields[0] !== "Z";
}

/** utime + stime of a process and all its descendants, in ms (npm → sh → tsx → node is a tree). */
export function treeCpuMs(pid: number): number {
  let total = 0;
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop()!;
    const stat = procStat(p);
    if (!stat) continue;
    total += (Number(stat.fields[11]) + Number(stat.fields[12])) * TICK_MS; // utime + stime
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
    const stat = procStat(entry);
    if (stat?.name !== "postgres") continue;
    const [utime, stime, cutime, cstime] = stat.fields.slice(11, 15).map(Number) as [number, number, number, number];
    out.set(Number(entry), (utime + stime + cutime + cstime) * TICK_MS);
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
