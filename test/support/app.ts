import { createApp } from "../../api/app.ts";
import { nodeDocsAssets } from "../../api/docs/assets-node.ts";
import { parseConfig } from "../../api/config.ts";
import type { AppDeps } from "../../api/deps.ts";
import { fixedClock } from "../../api/lib/clock.ts";
import { resolveSealer } from "../../api/lib/secret.ts";
import { seedDatabase } from "../../db/seed/seed.ts";
import { createTestDatabase } from "./db.ts";
import type { Mailer } from "../../api/mail/transport.ts";
import { eq } from "drizzle-orm";
import { composeOutboxMessage } from "../../api/mail/compose.ts";
import type { OutgoingMail } from "../../api/mail/outbox.ts";
import { outbox, type OutboxRow } from "../../db/schema/index.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

/** The app on a fresh, seeded database with a clock the test controls. */
export async function createTestApp(opts: { now?: string; env?: Record<string, string>; mailer?: Mailer } = {}) {
  const database = await createTestDatabase();
  await seedDatabase(database.db);
  const clock = fixedClock(opts.now ?? "2026-05-01T00:00:00Z");
  const config = parseConfig({
    ADMIN_TOKEN,
    PUBLIC_URL: "https://events.example.jp",
    RATE_LIMITS: "off",
    JOBS: "off",
    ...opts.env,
  });
  const sealer = await resolveSealer(database.db, undefined);
  const deps: AppDeps = { db: database.db, clock, config, sealer, mailer: opts.mailer ?? null, docs: nodeDocsAssets };
  const app = createApp(deps);

  const request = (path: string, init: RequestInit & { json?: unknown; admin?: boolean } = {}) => {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    if (init.admin) headers.set("Authorization", `Bearer ${ADMIN_TOKEN}`);
    return app.request(path, { ...init, headers, body });
  };

  return { app, deps, db: database.db, database, clock, request, close: () => database.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** An event open for registration, created through the API. */
export async function createOpenEvent(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.request("/api/events", {
    method: "POST",
    admin: true,
    json: {
      kind: "seminar",
      titleJa: "地域クラスターセミナー（テスト）",
      titleEn: "Regional Cluster Seminar (test)",
      block: "tohoku",
      venue: "ビッグパレットふくしま",
      prefecture: "福島県",
      startsAt: "2026-06-12T14:00:00+09:00",
      endsAt: "2026-06-12T17:00:00+09:00",
      capacity: 3,
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`createOpenEvent: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; [k: string]: unknown };
}

let n = 0;
export function person(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    name: `山田 太郎${n}`,
    nameKana: "ヤマダ タロウ",
    email: `taro${n}.${Math.random().toString(36).slice(2, 8)}@example.jp`,
    organization: "福島大学",
    sector: "academia",
    ...overrides,
  };
}

/** An exhibitor application for booth tests: a 1x1 booth in the 札幌IT cluster unless told otherwise. */
export function exhibitor(ref: string, more: Record<string, unknown> = {}) {
  return {
    ref,
    name: `出展者 ${ref}`,
    organization: `組織 ${ref}`,
    cluster: "札幌IT",
    field: "IT",
    size: "1x1",
    priority: 5,
    preferences: [],
    competitors: [],
    email: `${ref.toLowerCase()}@example.jp`,
    ...more,
  };
}

/** An organiser account scoped to `blocks`, logged in (its session cookie and CSRF token), and an API token it made. */
export async function organiserSession(
  t: TestApp,
  email: string,
  blocks: string[],
): Promise<{ token: string; cookie: string; csrfToken: string }> {
  const password = "correct horse battery staple";
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "担当者", role: "organiser", scopes: { blocks, events: [] }, password },
  });
  if (res.status !== 201) throw new Error(`organiserSession: ${res.status} ${await res.text()}`);
  const login = await t.request("/api/auth/login", { method: "POST", json: { email, password } });
  if (login.status !== 200) throw new Error(`organiserSession: login ${login.status} ${await login.text()}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const tok = await t.request("/api/api-tokens", {
    method: "POST",
    json: { name: "script" },
    headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
  });
  if (tok.status !== 201) throw new Error(`organiserSession: ${tok.status} ${await tok.text()}`);
  return { token: ((await tok.json()) as { token: string }).token, cookie, csrfToken };
}

/** An organiser account scoped to `blocks`, and an API token it made. */
export async function organiserToken(t: TestApp, email: string, blocks: string[]): Promise<string> {
  return (await organiserSession(t, email, blocks)).token;
}

/** Outbox rows as the deliver job would send them now (registrants' messages are rendered at delivery). */
export function composed(t: TestApp, rows: OutboxRow[]): Promise<OutgoingMail[]> {
  return Promise.all(rows.map((r) => composeOutboxMessage(t.deps, r)));
}

/** The messages waiting in the outbox for one address, rendered. */
export async function outboxMailsTo(t: TestApp, email: string): Promise<OutgoingMail[]> {
  return composed(t, await t.db.select().from(outbox).where(eq(outbox.toAddress, email)));
}

/** Who acts when a test calls a verb directly as the administrator (ADMIN_TOKEN), at the test's clock. */
export function adminWho(t: Pick<TestApp, "clock">) {
  return { actor: { kind: "admin", id: "admin-token", label: "test", via: "admin-token" } as const, now: t.clock.now() };
}
