import { createScratchDatabase } from "../db/scratch.ts";

export const SERVER = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgres://postgres@127.0.0.1:5432/test";

/** A fresh database on the PostgreSQL server for one benchmark, dropped afterwards. */
export const freshServerDb = () => createScratchDatabase(SERVER, "bench");

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
