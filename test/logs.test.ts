import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeError, statementShape } from "../api/lib/log.ts";
import { smtpMailer } from "../api/mail/transport.ts";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";

/**
 * Nothing personal in the product's own log lines: failures are provoked with a recognisable
 * person (a constraint violation, a data exception, a relay refusing the address) while everything
 * the process writes (console and stdout/stderr) is captured, and none of the person is in it.
 */
const who = {
  name: "鈴木 紗羅ログ試験",
  nameKana: "スズキ サラログシケン",
  email: "sara.logprobe@example.jp",
  organization: "ログ漏洩試験研究所",
  sector: "industry",
};

let t: TestApp;
let eventId: string;
let smtp: SMTPServer;
const captured: string[] = [];
const restore: (() => void)[] = [];

function capture() {
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      captured.push(
        args
          .map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : JSON.stringify(a)))
          .join(" "),
      );
    };
    restore.push(() => (console[level] = original));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return original(chunk as never, ...(rest as []));
    }) as typeof stream.write;
    restore.push(() => (stream.write = original as typeof stream.write));
  }
}

/** The person, their tokens and sealed tokens, and mail bodies: none of it may be in the log. */
function expectNothingPersonal(log: string) {
  for (const v of [who.name, who.nameKana, who.email, who.organization, "sara.logprobe", "鈴木 紗羅"])
    expect(log).not.toContain(v);
  expect(log).not.toMatch(/v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/); // a sealed token
  expect(log).not.toMatch(/\/r\/[A-Za-z0-9_-]{43}|calendar\/me\/[A-Za-z0-9_-]{43}/); // manage or feed links
  expect(log).not.toMatch(/[A-Za-z0-9_-]{43}/); // any of our tokens
  expect(log).not.toContain("参加登録が完了しました"); // a mail body
  expect(log).not.toMatch(/params:/);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      // Relays quote the address (and sometimes the name) back in their refusal.
      cb(Object.assign(new Error(`<${address.address}> (${who.name}): mailbox unavailable`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  t = await createTestApp({ mailer: await smtpMailer(`smtp://127.0.0.1:${port}`, "Cluster Events <no-reply@example.jp>") });
  eventId = (await createOpenEvent(t, { capacity: 50 })).id;
  capture();
});

afterEach(async () => {
  await t.db.execute(sql`alter table registrations drop constraint if exists fault_injected`);
  await t.db.execute(sql`drop trigger if exists fault_cast on registrations`);
});

afterAll(async () => {
  for (const r of restore.reverse()) r();
  await t?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const register = (body: Record<string, unknown>) =>
  t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: body });

describe("log lines carry no personal data", () => {
  it("a constraint violation is logged with its code, constraint, statement shape and request id only", async () => {
    await t.db.execute(
      sql.raw(`alter table registrations add constraint fault_injected check (organization <> '${who.organization}')`),
    );
    captured.length = 0;
    const res = await register(who);
    expect(res.status).toBe(500);
    const { requestId } = (await res.json()) as { requestId: string };
    const log = captured.join("\n");
    expect(log).toContain(`[${requestId}]`);
    expect(log).toContain("POST /api/events/:id/registrations");
    expect(log).toContain("23514");
    expect(log).toContain("constraint=fault_injected");
    expect(log).toMatch(/query failed: sql#[0-9a-f]{8} "select seq, confirmed, waiting, check_in_code from register_seat\(/);
    expectNothingPersonal(log);

    // The same through the web form.
    captured.length = 0;
    const page = await t.request(`/events/${eventId}/register`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...who, locale: "ja", idempotencyKey: crypto.randomUUID() }).toString(),
    });
    expect(page.status).toBe(500);
    const pageLog = captured.join("\n");
    expect(pageLog).toContain("unhandled error on a page");
    expect(pageLog).toContain("23514");
    expectNothingPersonal(pageLog);
  });

  it("a data exception on bad input is a 400, logged without the value the database quotes", async () => {
    // A cast the database refuses, quoting the value in its message ("invalid input syntax …: "…"").
    await t.db.execute(sql`
      create or replace function fault_cast() returns trigger language plpgsql as $$
      begin perform new.name_kana::int; return new; end $$`);
    await t.db.execute(sql`create trigger fault_cast before insert on registrations for each row execute function fault_cast()`);
    captured.length = 0;
    const res = await register(who);
    expect(res.status).toBe(400);
    const { requestId } = (await res.json()) as { requestId: string };
    const log = captured.join("\n");
    expect(log).toContain(`[${requestId}]`);
    expect(log).toContain("input refused by the database");
    expect(log).toContain("22P02");
    expectNothingPersonal(log);
  });

  it("a relay refusing the address is logged as the message id, kind and reply code", async () => {
    const res = await register(who);
    expect(res.status).toBe(201);
    captured.length = 0;
    const run = await t.request("/api/admin/jobs/deliver-mail/run", { method: "POST", admin: true, json: {} });
    expect(run.status).toBe(200);
    expect(((await run.json()) as { result: { retried: number } }).result.retried).toBeGreaterThanOrEqual(1);
    const log = captured.join("\n");
    expect(log).toMatch(/deliver-mail: message [0-9a-f-]{36} \(registration\.confirmed\) attempt 1 failed: .*550/);
    expectNothingPersonal(log);
  });
});

describe("describeError", () => {
  it("keeps codes and names, drops messages that quote values", () => {
    const dbError = Object.assign(new Error(`duplicate key value violates unique constraint "x"`), {
      code: "23505",
      severity: "ERROR",
      detail: `Key (email_key)=(${who.email}) already exists.`,
      constraint_name: "organisers_email_key_unique",
      table_name: "organisers",
    });
    const wrapped = Object.assign(new Error(`Failed query: insert into "organisers" values ($1)\nparams: ${who.email}`), {
      query: `insert into "organisers" ("email") values ($1) on conflict do nothing limit 5`,
      params: [who.email],
      cause: dbError,
    });
    const text = describeError(wrapped);
    expect(text).toContain("database error 23505 constraint=organisers_email_key_unique table=organisers");
    expect(text).toContain(statementShape(wrapped.query));
    expect(statementShape(wrapped.query)).toContain('values ($1) on conflict do nothing limit ?"');
    expect(text).not.toContain(who.email);
    expect(describeError(new Error(`rejected: ${who.email}, v1.AAAAAAAAAAAA.BBBBBBBBBBBB`)).split("\n")[0]).toBe(
      "rejected: <email>, <sealed>",
    );
  });
});
