/**
 * The shape of the code, kept true by a test: every import in lib/, db/, api/, web/ and jobs/ points
 * down the layers, and no files import each other in a loop (type imports included).
 *
 *   lib → db → api (domain: services, mail, lib) → jobs → { api/<feature>/routes.ts, web/ } → api/app.ts → entries
 *
 * A routes file is a leaf of the HTTP layer: only the app (and entries) import it, so web pages and
 * other features reach a feature through its service, never through its routes.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const DIRS = ["lib", "db", "api", "web", "jobs"];
const ENTRIES = new Set(["api/node.ts", "api/worker.ts", "jobs/cli.ts", "jobs/node-timer.ts", "jobs/worker-scheduled.ts"]);

const LAYERS = ["lib", "db", "domain", "jobs", "http", "app", "entry"] as const;
type Layer = (typeof LAYERS)[number];

export function layerOf(file: string): Layer {
  if (ENTRIES.has(file) || file.startsWith("api/node-runtime/")) return "entry";
  if (file === "api/app.ts") return "app";
  if (file.startsWith("lib/")) return "lib";
  if (file.startsWith("db/")) return "db";
  if (file.startsWith("web/") || isRoutes(file)) return "http";
  if (file.startsWith("jobs/")) return "jobs";
  return "domain";
}
const isRoutes = (file: string) => /^api\/[^/]+\/routes\.ts$/.test(file);

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
    }
  };
  for (const d of DIRS) if (existsSync(join(ROOT, d))) walk(d);
  return out.sort();
}

/** The project files a file imports (static, type-only, re-exports and dynamic import()), repo-relative. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => relative(ROOT, normalize(join(ROOT, dirname(file), spec))).replaceAll("\\", "/"));
}

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Why `from` may not import `to`, or null when it may. */
function wrongWay(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === "entry") return null;
  if (b === "entry") return `${from} (${a}) imports an entry point`;
  if (LAYERS.indexOf(b) > LAYERS.indexOf(a)) return `${from} (${a}) imports ${to} (${b}), a higher layer`;
  if (isRoutes(to) && a !== "app") return `${from} imports ${to}: routes are imported only by api/app.ts`;
  if (a === "http" && b === "http" && from.split("/")[0] !== to.split("/")[0]) return `${from} imports ${to} across the HTTP layer`;
  return null;
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return found;
}

describe("layers", () => {
  it("finds the source and its imports", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get("api/app.ts")!.length).toBeGreaterThan(5);
    const missing = [...graph].flatMap(([f, ts]) => ts.filter((t) => !existsSync(join(ROOT, t))).map((t) => `${f} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it("lib/ imports nothing of the project but lib/", () => {
    const bad = files.filter((f) => f.startsWith("lib/")).flatMap((f) => graph.get(f)!.filter((t) => !t.startsWith("lib/")).map((t) => `${f} -> ${t}`));
    expect(bad).toEqual([]);
  });

  it("every import points down the layers", () => {
    const bad = [...graph].flatMap(([f, ts]) => ts.map((t) => wrongWay(f, t)).filter((w): w is string => w !== null));
    expect(bad).toEqual([]);
  });

  it("no files import each other in a loop", () => {
    expect(cycles()).toEqual([]);
  });

  it("the rules catch what they are for", () => {
    expect(wrongWay("api/mail/registration-mail.ts", "web/format.ts")).toMatch(/higher layer/);
    expect(wrongWay("db/seed/seed.ts", "api/lib/time.ts")).toMatch(/higher layer/);
    expect(wrongWay("web/admin/routes.tsx", "api/auth/routes.ts")).toMatch(/only by api\/app.ts/);
    expect(wrongWay("jobs/deliver-mail.ts", "web/public/event/page.tsx")).toMatch(/higher layer/);
    expect(wrongWay("api/events/routes.ts", "web/ui/layout.tsx")).toMatch(/across the HTTP layer/);
    expect(wrongWay("api/app.ts", "api/events/routes.ts")).toBeNull();
    expect(wrongWay("web/public/event/page.tsx", "api/events/service.ts")).toBeNull();
  });
});
