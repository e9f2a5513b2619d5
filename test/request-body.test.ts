/**
 * The request body as the Node server reads it (from the socket, not through a fetch Request):
 * within the limit it reaches the validators, over it (declared or streamed) it is a 413, a bad
 * UTF-8 byte is a 400 naming the body, and forms and uploads still parse.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type HttpServer } from "../api/node-runtime/http-server.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";
import { freePort } from "./support/net.ts";

let t: TestApp;
let http: HttpServer;
let base: string;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp();
  eventId = (await createOpenEvent(t, { capacity: 10 })).id;
  const port = await freePort();
  await new Promise<void>((resolve) => {
    http = startHttpServer({ fetch: t.app.fetch, port, onListening: () => resolve() });
  });
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await http.drain(100);
  await t.close();
});

/** A POST written by hand: with or without Content-Length (chunked), in pieces. */
function post(path: string, type: string, chunks: Buffer[], opts: { length?: boolean } = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const size = chunks.reduce((n, b) => n + b.length, 0);
    const req = httpRequest(`${base}${path}`, {
      method: "POST",
      headers: { "Content-Type": type, ...(opts.length === false ? {} : { "Content-Length": String(size) }) },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe("request bodies on the Node server", () => {
  it("a registration sent in pieces, with or without Content-Length, is read whole", async () => {
    const body = json(person({ email: "pieces@example.jp", name: "分割 送信" }));
    const halves = [body.subarray(0, 17), body.subarray(17)];
    const a = await post(`/api/events/${eventId}/registrations`, "application/json", halves);
    expect(a.status, a.body).toBe(201);
    const b = await post(`/api/events/${eventId}/registrations`, "application/json; charset=utf-8", [json(person({ email: "chunked@example.jp" }))], {
      length: false,
    });
    expect(b.status, b.body).toBe(201);
    expect(JSON.parse(a.body)).toMatchObject({ status: "confirmed" });
  });

  it("over the limit is 413 problem+json, whether declared or only counted while streaming", async () => {
    const big = Buffer.from(JSON.stringify({ ...person(), name: "あ".repeat(30_000) }));
    for (const length of [true, false]) {
      const res = await post(`/api/events/${eventId}/registrations`, "application/json", [big.subarray(0, 40_000), big.subarray(40_000)], {
        length,
      });
      expect(res.status, `length ${length}`).toBe(413);
      expect(res.type).toMatch(/application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ status: 413, type: "/problems/body-too-large" });
    }
  });

  it("a byte that is not UTF-8 is 400 naming the body; JSON that does not parse is 400", async () => {
    const bad = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await post(`/api/events/${eventId}/registrations`, "application/json", [bad]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).errors).toEqual([expect.objectContaining({ field: "body", code: "invalid_utf8" })]);
    const broken = await post(`/api/events/${eventId}/registrations`, "application/json", [Buffer.from('{"name":')]);
    expect(broken.status).toBe(400);
    expect(broken.type).toMatch(/application\/problem\+json/);
  });

  it("a form posted to a page still parses: a complete one registers, a wrong one is the page again", async () => {
    const fields = { name: "フォーム 太郎", email: "form@example.jp", organization: "福島大学", sector: "academia" };
    const ok = await post(`/events/${eventId}/register`, "application/x-www-form-urlencoded", [
      Buffer.from(new URLSearchParams(fields).toString()),
    ]);
    expect(ok.status, ok.body.slice(0, 300)).toBe(303);
    const wrong = await post(`/events/${eventId}/register`, "application/x-www-form-urlencoded", [
      Buffer.from(new URLSearchParams({ ...fields, email: "not-an-address" }).toString()),
    ]);
    expect(wrong.status).toBe(400);
    expect(wrong.type).toMatch(/text\/html/);
    expect(wrong.body).toContain("not-an-address");
  });
});
