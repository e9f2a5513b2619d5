import { afterAll, beforeAll, expect } from "vitest";
import { createOpenEvent, createTestApp, type TestApp } from "./app.ts";

/**
 * The app the page tests share, with one open tohoku event, and helpers to post forms the way a
 * browser does. The bindings are live: they hold their values once `webWorld()`'s beforeAll has run.
 */
export let t: TestApp;
export let eventId: string;

export function webWorld() {
  beforeAll(async () => {
    t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
    eventId = (await createOpenEvent(t, { capacity: 50 })).id;
  });
  afterAll(async () => t?.close());
}

export const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
export const post = (path: string, data: Record<string, string>, headers: Record<string, string> = {}) =>
  t.request(path, { method: "POST", headers: { ...FORM, ...headers }, body: new URLSearchParams(data).toString() });
export const field = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
export const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`));

export async function registrationForm(id: string) {
  const res = await t.request(`/events/${id}`);
  expect(res.status).toBe(200);
  const key = field(await res.text(), "idempotencyKey");
  expect(key).toBeTruthy();
  return key!;
}

export async function registerViaForm(id: string, body: Record<string, string>) {
  const key = await registrationForm(id);
  return post(`/events/${id}/register`, { idempotencyKey: key, locale: "ja", ...body });
}

export const tokenOf = (res: Response) => res.headers.get("location")!.match(/^\/r\/([\w-]+)\?new=1$/)![1]!;

/** A registrant typed with a full-width address and a katakana reading (the desk finds them by ハナコ). */
export const FULL_WIDTH_REGISTRANT = {
  name: "全角 花子",
  nameKana: "ゼンカク　ハナコ",
  email: "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
  organization: "株式会社テスト",
  sector: "industry",
};
