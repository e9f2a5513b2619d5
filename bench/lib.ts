import { createScratchDatabase } from "../db/scratch.ts";

export const SERVER = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgres://postgres@127.0.0.1:5432/test";

/** A fresh database on the PostgreSQL server for one benchmark, dropped afterwards. */
export const freshServerDb = () => createScratchDatabase(SERVER, "bench");

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** A GET on a fresh connection (no keep-alive races with a server that was busy), with its body. */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: import("node:http").IncomingHttpHeaders; body: string }> {
  return import("node:http").then(
    ({ default: http }) =>
      new Promise((resolve, reject) => {
        const req = http.get(url, { agent: false, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (d: Buffer) => chunks.push(d));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
          );
        });
        req.on("error", reject);
      }),
  );
}
