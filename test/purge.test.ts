import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileMailer } from "../api/mail/file-transport.ts";
import { emailKey } from "../api/lib/text.ts";
import { sha256Hex } from "../api/lib/tokens.ts";
import {
  calendarTokens,
  exhibitors,
  idempotencyKeys,
  outbox,
  rateLimits,
  registrationAnswers,
  registrations,
} from "../db/schema/index.ts";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";
import { findEverywhere, sealedValues, textualColumns } from "./support/catalog.ts";
import { mailFolder } from "./support/eml.ts";

/**
 * After purge-personal-data, nothing of a purged person is left anywhere the product keeps data:
 * every textual column of every table (read from the catalog, so a new table is searched too)
 * and every file in the mail folder are searched for their name, reading, e-mail, organisation,
 * manage token, feed token and the sealed forms of both. People whose event is not yet a year
 * past are left as they were.
 */
const DAY = 86_400_000;
const uniq = Math.random().toString(36).slice(2, 8);
const KATAKANA = "アイウエオカキクケコサシスセソタチツテト";

let dir: string;
let t: TestApp;

type Person = {
  name: string;
  nameKana: string;
  email: string;
  organization: string;
  sector: string;
  locale?: string;
};
type Known = Person & { id: string; manageToken: string; feedToken?: string; sealed: string[] };

let n = 0;
function someone(sector = "industry", more: Partial<Person> = {}): Person {
  n++;
  const kana = [...`${uniq}${n}`].map((c) => KATAKANA[c.charCodeAt(0) % KATAKANA.length]).join("");
  return {
    name: `消去${n}号 試験者${uniq}`,
    nameKana: `ショウキョ${kana}`,
    email: `purge${n}.${uniq}@example.jp`,
    organization: `消去試験機構${uniq}第${n}部`,
    sector,
    ...more,
  };
}

async function register(eventId: string, p: Person, headers: Record<string, string> = {}) {
  const res = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: p, headers });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; status: string; manageToken: string };
}

/** Registers through the web form (no JavaScript), as a browser would; the manage token is in the redirect. */
async function registerByForm(eventId: string, p: Person) {
  const res = await t.request(`/events/${eventId}/register`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...p, locale: "ja", idempotencyKey: crypto.randomUUID() }).toString(),
  });
  expect(res.status).toBe(303);
  const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(res.headers.get("location") ?? "")?.[1];
  expect(token).toBeDefined();
  const [row] = await t.db.select().from(registrations).where(eq(registrations.email, p.email));
  return { id: row!.id, manageToken: token! };
}

async function job(name: string, now: string | Date) {
  const res = await t.request(`/api/admin/jobs/${name}/run`, {
    method: "POST",
    admin: true,
    json: { now: new Date(now).toISOString() },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { status: string; result: Record<string, number> };
}

/** Everything that identifies a person: their answers, their tokens, and the sealed forms stored of them. */
async function identify(p: Person, r: { id: string; manageToken: string }): Promise<Known> {
  const [row] = await t.db.select().from(registrations).where(eq(registrations.id, r.id));
  const [feed] = await t.db
    .select()
    .from(calendarTokens)
    .where(eq(calendarTokens.emailKey, emailKey(p.email)));
  const sealed = [row!.manageTokenSealed, feed?.sealedToken].filter((s): s is string => !!s);
  return { ...p, ...r, feedToken: feed ? await t.deps.sealer.open(feed.sealedToken) : undefined, sealed };
}

const needlesOf = (k: Known) =>
  [k.name, k.nameKana, k.email, k.organization, k.manageToken, k.feedToken ?? "", ...k.sealed].filter(Boolean);

/** What the sealed values stored anywhere say, opened with the installation's key: a sealed answer is still the person. */
async function searchSealed(needles: string[]) {
  const found: { where: string; needle: string }[] = [];
  for (const { where, sealed } of await sealedValues(t.db)) {
    let plain: string;
    try {
      plain = await t.deps.sealer.open(sealed);
    } catch {
      continue;
    }
    for (const n of needles) if (plain.includes(n)) found.push({ where, needle: n });
  }
  return found;
}

/** The first capture of `pattern` in each mail file that has it. */
async function searchMailFor(pattern: RegExp) {
  const out: string[] = [];
  for (const f of await mailFolder(join(dir, "mail"))) {
    const m = pattern.exec(f.text);
    if (m) out.push(m[1]!);
  }
  return out;
}

async function searchMail(needles: string[]) {
  const found: { where: string; needle: string }[] = [];
  for (const f of await mailFolder(join(dir, "mail")))
    for (const n of needles) if (f.text.includes(n)) found.push({ where: f.file, needle: n });
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ce-purge-"));
  t = await createTestApp({
    now: "2027-05-01T10:00:00+09:00",
    mailer: await fileMailer(join(dir, "mail"), "Cluster Events <no-reply@example.jp>"),
    env: { RATE_LIMITS: "on", DATA_DIR: dir },
  });
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("purge-personal-data leaves nothing of the person anywhere", () => {
  it("searches every table and the mail folder after the purge and finds only the people not yet due", async () => {
    // An event that will be a year past, one that will be cancelled by its organiser, and one that will not be past.
    const past = await createOpenEvent(t, {
      startsAt: "2027-05-20T14:00:00+09:00",
      endsAt: "2027-05-20T17:00:00+09:00",
      capacity: 2,
    });
    const cancelled = await createOpenEvent(t, {
      startsAt: "2027-05-25T14:00:00+09:00",
      endsAt: "2027-05-25T17:00:00+09:00",
      capacity: 10,
    });
    const later = await createOpenEvent(t, {
      startsAt: "2028-09-10T14:00:00+09:00",
      endsAt: "2028-09-10T17:00:00+09:00",
      capacity: 10,
    });

    // Due: a confirmed person with an Idempotency-Key (retried), one who cancels (promoting the
    // waitlisted third), one who registers twice (sent their link again), one by the web form,
    // and one whose event the organiser cancels.
    const a = someone("industry");
    const b = someone("academia", { locale: "en" });
    const c = someone("government");
    const d = someone("other");
    const e = someone("academia");
    const f = someone("industry");
    const idem = { "Idempotency-Key": `purge-test-${uniq}-0123456789` };
    // The organiser asks two questions; the first person answers both, in free text too.
    const questions = [
      { id: "party", kind: "choice", labelJa: "懇親会", required: false, options: [{ value: "attend", labelJa: "出席" }] },
      { id: "diet", kind: "text", labelJa: "食事の配慮", required: false },
    ];
    expect((await t.request(`/api/events/${past.id}/questions`, { method: "PUT", admin: true, json: questions })).status).toBe(200);
    const freeText = `卵アレルギー${uniq}`;
    const aWithAnswers = { ...a, answers: { party: "attend", diet: freeText } } as Person;
    const ra = await register(past.id, aWithAnswers, idem);
    expect((await register(past.id, aWithAnswers, idem)).manageToken).toBe(ra.manageToken); // the replay
    const rb = await register(past.id, b);
    const rc = await register(past.id, c);
    expect(rc.status).toBe("waitlisted");
    expect((await t.request(`/api/registrations/${rb.manageToken}`, { method: "DELETE" })).status).toBe(200);
    const rd = await registerByForm(cancelled.id, d);
    const re = await register(cancelled.id, e);
    const again = await t.request(`/api/events/${cancelled.id}/registrations`, { method: "POST", json: e });
    expect(again.status).toBe(409);
    // One asks for their calendar link by e-mail.
    expect((await t.request(`/api/registrations/${ra.manageToken}/calendar-link`, { method: "POST" })).status).toBe(202);
    // Due: an exhibitor who applied to a fair of the same week (its booth published and mailed).
    const fair = await createOpenEvent(t, {
      kind: "techno_fair",
      startsAt: "2027-05-21T10:00:00+09:00",
      endsAt: "2027-05-21T17:00:00+09:00",
      exhibitorCallOpensAt: "2027-04-01T00:00:00+09:00",
    });
    const booth = { booths: [{ code: "A-01", x: 0, y: 0, w: 1, h: 1, zone: "A" }] };
    expect((await t.request(`/api/events/${fair.id}/floor-plan`, { method: "PUT", admin: true, json: booth })).status).toBe(200);
    const exhibitorPerson = {
      organization: `消去出展機構${uniq}`,
      contactName: `出展担当${uniq} 消去`,
      email: `purge.exhibitor.${uniq}@example.jp`,
      field: "IT",
      boothSize: "1x1",
      note: `連絡メモ${uniq}`,
    };
    const applied = await t.request(`/api/events/${fair.id}/exhibitor-applications`, {
      method: "POST",
      json: exhibitorPerson,
      headers: { "Idempotency-Key": `purge-test-${uniq}-exhibitor-01` },
    });
    expect(applied.status).toBe(201);
    const exhibitorToken = ((await applied.json()) as { manageToken: string }).manageToken;
    expect((await t.request(`/api/events/${fair.id}/allocation`, { method: "POST", admin: true, json: {} })).status).toBe(200);
    expect((await t.request(`/api/events/${fair.id}/allocation/publish`, { method: "POST", admin: true })).status).toBe(200);

    // Not due: someone registered for the later event only.
    const rf = await register(later.id, f, { "Idempotency-Key": `purge-test-${uniq}-later-0123` });

    // The organiser edits: checks people in (and undoes one), edits and cancels an event.
    for (const r of [ra, rc]) {
      const res = await t.request(`/api/events/${past.id}/registrations/${r.id}/check-in`, { method: "POST", admin: true });
      expect(res.status).toBe(200);
    }
    expect(
      (await t.request(`/api/events/${past.id}/registrations/${rc.id}/check-in`, { method: "DELETE", admin: true })).status,
    ).toBe(200);
    expect(
      (await t.request(`/api/events/${past.id}`, { method: "PATCH", admin: true, json: { venue: "郡山市民文化センター" } }))
        .status,
    ).toBe(200);
    expect((await t.request(`/api/events/${cancelled.id}/cancel`, { method: "POST", admin: true })).status).toBe(200);

    // Mail goes out (the file mailer writes .eml files), and the day-before reminders are written.
    await job("deliver-mail", "2027-05-02T10:00:00+09:00");
    await job("remind-registrants", "2027-05-19T10:00:00+09:00");
    t.clock.set("2027-05-19T10:05:00+09:00");
    await job("deliver-mail", "2027-05-19T10:05:00+09:00");

    // Once sent, the outbox keeps no plaintext manage, feed or password token (the mail folder has the messages).
    const organiser = `organiser.${uniq}@example.jp`;
    expect(
      (
        await t.request("/api/organisers", {
          method: "POST",
          admin: true,
          json: { email: organiser, name: "主催 太郎", role: "organiser" },
        })
      ).status,
    ).toBe(201);
    await job("deliver-mail", "2027-05-19T10:06:00+09:00");
    const passwordToken = (await searchMailFor(/admin\/password\?token=([A-Za-z0-9_-]{43})/))[0];
    expect(passwordToken).toBeDefined();

    const due = await Promise.all([identify(a, ra), identify(b, rb), identify(c, rc), identify(d, rd), identify(e, re)]);
    const kept = await identify(f, rf);
    const tokens = [...due, kept].flatMap((k) => [k.manageToken, k.feedToken!]).concat(passwordToken!);
    const inOutbox = (await findEverywhere(t.db, tokens)).filter((x) => x.where.startsWith("public.outbox."));
    expect(inOutbox).toEqual([]);
    for (const k of [...due, kept]) expect(k.feedToken, k.email).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The search works: before the purge every one of them is found, in the tables and in the mail folder.
    const before = await findEverywhere(t.db, due.flatMap(needlesOf));
    for (const k of due) {
      const tokens = [k.manageToken, k.feedToken!];
      for (const needle of needlesOf(k).filter((n) => !tokens.includes(n)))
        expect(
          before.map((x) => x.needle),
          `${k.email}: ${needle}`,
        ).toContain(needle);
      // The tokens themselves are in no table in the clear, even before the purge: stored hashed or
      // sealed, and the outbox holds what to send (the links are rendered at delivery).
      for (const token of tokens) expect(before.map((x) => x.needle)).not.toContain(token);
    }
    expect(before.map((x) => x.where)).toEqual(
      expect.arrayContaining(["public.registrations.email", "public.outbox.to_address", "public.calendar_tokens.sealed_token"]),
    );
    const mailBefore = await searchMail(due.flatMap((k) => [k.name, k.email, k.manageToken, k.feedToken!]));
    for (const k of due)
      expect(
        mailBefore.map((x) => x.needle),
        k.email,
      ).toEqual(expect.arrayContaining([k.email, k.manageToken, k.feedToken!]));
    // The replayable answers are sealed: opened, they hold the manage token.
    const sealedBefore = await searchSealed(due.flatMap(needlesOf));
    expect(sealedBefore.map((x) => x.where)).toEqual(expect.arrayContaining(["public.idempotency_keys.sealed_body"]));
    expect(sealedBefore.map((x) => x.needle)).toEqual(expect.arrayContaining([due[0]!.manageToken]));
    const rateRows = await t.db.select().from(rateLimits);
    expect(rateRows.length).toBeGreaterThan(0);
    // Rate-limit keys never hold an address in plaintext, even before the purge.
    for (const k of due) expect(JSON.stringify(rateRows)).not.toContain(k.email);
    // Nor a plain hash of one, which anyone could recompute (all of IPv4 is 2³² guesses): keyed by the secret.
    const plainHashes = await Promise.all(due.map((k) => sha256Hex(`register-email:${emailKey(k.email)}`)));
    for (const h of plainHashes) expect(JSON.stringify(rateRows)).not.toContain(h.slice(0, 40));
    for (const k of due) expect(rateRows.map((r) => r.key)).toContain(`register-email:${t.deps.sealer.mac(`register-email:${emailKey(k.email)}`).slice(0, 40)}`);
    const [exhibitorRow] = await t.db.select().from(exhibitors).where(eq(exhibitors.email, exhibitorPerson.email));
    const exhibitorNeedles = [
      exhibitorPerson.contactName,
      exhibitorPerson.email,
      exhibitorPerson.note,
      exhibitorToken,
      exhibitorRow!.manageTokenSealed!,
    ];
    expect((await findEverywhere(t.db, exhibitorNeedles)).map((x) => x.where)).toEqual(
      expect.arrayContaining(["public.exhibitors.contact_name", "public.exhibitors.email", "public.outbox.to_address"]),
    );
    expect((await searchMail(exhibitorNeedles)).map((x) => x.needle)).toEqual(
      expect.arrayContaining([exhibitorPerson.email, exhibitorToken]),
    );
    const counts = async () => {
      const res = await t.request(`/api/events/${past.id}/registrations`, { admin: true });
      const body = (await res.json()) as { counts: unknown; bySector: unknown; items: { sector: string }[] };
      return { counts: body.counts, bySector: body.bySector, sectors: body.items.map((i) => i.sector) };
    };
    const countsBefore = await counts();
    expect((await findEverywhere(t.db, [freeText])).map((x) => x.where)).toEqual(["public.registration_answers.value"]);
    const tablesBefore = (await textualColumns(t.db)).length;
    expect(tablesBefore).toBeGreaterThan(20);

    // A year and a day after the past and cancelled events; the later one is not yet due.
    const asOf = new Date(new Date("2027-05-25T17:00:00+09:00").getTime() + 366 * DAY);
    t.clock.set(asOf);
    const run = await job("purge-personal-data", asOf);
    expect(run.status).toBe("succeeded");
    expect(run.result).toMatchObject({ registrations: 5, exhibitors: 1 });
    expect(run.result.messages).toBeGreaterThanOrEqual(10);

    const after = await findEverywhere(t.db, [...due.flatMap(needlesOf), freeText]);
    expect(after).toEqual([]);
    // Free-text answers go; the choice of one of the organiser's options stays, so the counts per option do.
    expect(run.result.answers).toBe(1);
    const keptAnswers = await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, ra.id));
    expect(keptAnswers.map((r) => [r.questionId, r.value])).toEqual([["party", "attend"]]);
    expect(await searchMail(due.flatMap(needlesOf))).toEqual([]);
    expect(await searchSealed(due.flatMap(needlesOf))).toEqual([]);
    // The answers kept for replay and the rate-limit counters of that time are gone (they only live days).
    expect(await t.db.select().from(idempotencyKeys)).toEqual([]);
    const keysLeft = (await t.db.select().from(rateLimits)).map((r) => r.key);
    expect(keysLeft.filter((k) => rateRows.some((r) => r.key === k))).toEqual([]);

    // The exhibitor is gone as a person; its organisation and booth stay on the fair's record.
    expect(await findEverywhere(t.db, exhibitorNeedles)).toEqual([]);
    expect(await searchMail(exhibitorNeedles)).toEqual([]);
    expect(await searchSealed(exhibitorNeedles)).toEqual([]);
    expect((await t.request(`/api/exhibitor-applications/${exhibitorToken}`)).status).toBe(404);
    const booths = (await (await t.request(`/api/events/${fair.id}/booths`)).json()) as {
      assignment: { organization: string } | null;
    }[];
    expect(booths[0]!.assignment?.organization).toBe(exhibitorPerson.organization);

    // Counts and sectors stay.
    expect(await counts()).toEqual(countsBefore);

    // The person not yet due is untouched: their row, feed token, messages and .eml files.
    const [fRow] = await t.db.select().from(registrations).where(eq(registrations.id, rf.id));
    expect(fRow).toMatchObject({
      name: f.name,
      email: f.email,
      nameKana: f.nameKana,
      organization: f.organization,
      purgedAt: null,
    });
    expect((await t.request(`/api/registrations/${rf.manageToken}`)).status).toBe(200);
    expect((await t.request(`/calendar/me/${kept.feedToken}.ics`)).status).toBe(200);
    const fMail = await t.db
      .select()
      .from(outbox)
      .where(inArray(outbox.toAddress, [f.email]));
    expect(fMail.length).toBeGreaterThanOrEqual(1);
    const fFiles = await searchMail([f.email, f.name]);
    expect(fFiles.map((x) => x.needle)).toEqual(expect.arrayContaining([f.email]));
    const stillThere = (await findEverywhere(t.db, needlesOf(kept))).map((x) => x.needle);
    for (const needle of [f.name, f.email, f.organization, ...kept.sealed]) expect(stillThere).toContain(needle);

    // The purged people's links are dead.
    for (const k of due) {
      expect((await t.request(`/api/registrations/${k.manageToken}`)).status).toBe(404);
      expect((await t.request(`/calendar/me/${k.feedToken}.ics`)).status).toBe(404);
    }
  }, 120_000);
});
