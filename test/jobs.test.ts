import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isBlackout, isJapaneseHoliday, isSuitableMeetingDay, weekdayOf } from "../api/councils/calendar-rules.ts";
import { tokyoParts } from "../lib/time.ts";
import { blocks, events, jobRuns, outbox, registrations } from "../db/schema/index.ts";
import { composed, createOpenEvent, person, type TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, mailedFeedUrl, type Smtp } from "./support/smtp.ts";
import type { Run } from "./support/jobs.ts";

const CONTACTS = {
  hokkaido: "secretariat@hokkaido.example.jp",
  tohoku: "office@tohoku.example.jp",
  okinawa: "council@okinawa.example.jp",
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
let smtp: Smtp;
beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp({ now: "2027-04-01T00:30:00+09:00" }));
  // One block meets once a year; a few blocks have a secretariat address.
  await t.db.update(blocks).set({ councilCadence: 1 }).where(eq(blocks.code, "okinawa"));
  for (const [code, email] of Object.entries(CONTACTS)) {
    await t.db.update(blocks).set({ contactEmail: email }).where(eq(blocks.code, code));
  }
});
afterAll(async () => t?.close());

async function runJob(name: string, now?: string, expectStatus = 200): Promise<Run> {
  const res = await t.request(`/api/admin/jobs/${name}/run`, { method: "POST", admin: true, json: now ? { now } : {} });
  expect(res.status, await res.clone().text()).toBe(expectStatus);
  return (await res.json()) as Run;
}

const councils = (fy: number) =>
  t.db
    .select()
    .from(events)
    .where(and(eq(events.kind, "block_council"), eq(events.fiscalYear, fy)))
    .orderBy(asc(events.startsAt));
const mailsOfKind = (kind: string) => t.db.select().from(outbox).where(eq(outbox.kind, kind));
const ymd = (d: Date) => {
  const p = tokyoParts(d);
  return { ...p, key: `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}` };
};

describe("plan-fiscal-year", () => {
  it("needs an administrator and a known job", async () => {
    const anon = await t.request("/api/admin/jobs/plan-fiscal-year/run", { method: "POST", json: {} });
    expect(anon.status).toBe(401);
    const unknown = await t.request("/api/admin/jobs/make-coffee/run", { method: "POST", admin: true, json: {} });
    expect(unknown.status).toBe(404);
    const bad = await t.request("/api/admin/jobs/plan-fiscal-year/run", { method: "POST", admin: true, json: { now: "April" } });
    expect(bad.status).toBe(400);
    expect(await councils(2027)).toHaveLength(0);
  });

  it("plans every block's meetings for the fiscal year from April 1, on suitable, distinct days", async () => {
    const run = await runJob("plan-fiscal-year", "2027-04-01T00:30:00+09:00");
    expect(run).toMatchObject({ job: "plan-fiscal-year", status: "succeeded", periodKey: "fy2027" });
    expect(run.result).toMatchObject({ fiscalYear: 2027, created: 19, planned: 19 });

    const planned = await councils(2027);
    // 9 blocks × 2 + okinawa × 1.
    expect(planned).toHaveLength(19);
    const perBlock = new Map<string, number>();
    for (const e of planned) perBlock.set(e.blockCode!, (perBlock.get(e.blockCode!) ?? 0) + 1);
    expect(perBlock.size).toBe(10);
    expect(perBlock.get("okinawa")).toBe(1);
    expect([...perBlock.entries()].filter(([b]) => b !== "okinawa").every(([, n]) => n === 2)).toBe(true);

    for (const e of planned) {
      expect(e.status).toBe("planned");
      const d = ymd(e.startsAt);
      expect(weekdayOf(d.year, d.month, d.day)).not.toBe(0);
      expect(weekdayOf(d.year, d.month, d.day)).not.toBe(6);
      expect(isJapaneseHoliday(d.year, d.month, d.day), d.key).toBe(false);
      expect(isBlackout(d.year, d.month, d.day), d.key).toBe(false);
      expect(isSuitableMeetingDay(d.year, d.month, d.day), d.key).toBe(true);
      // Meeting 1 from June to September, meeting 2 from November to February.
      if (e.slug!.endsWith("-1")) expect(d.key >= "2027-06-01" && d.key <= "2027-09-30", d.key).toBe(true);
      else expect(d.key >= "2027-11-01" && d.key <= "2028-02-29", d.key).toBe(true);
      expect(e.slug).toMatch(new RegExp(`^council-${e.blockCode}-fy2027-[12]$`));
    }
    // No two blocks on the same date, and spread over the windows rather than bunched up.
    const dates = planned.map((e) => ymd(e.startsAt).key);
    expect(new Set(dates).size).toBe(19);
    const first = dates.filter((d) => d < "2027-10-01");
    const second = dates.filter((d) => d > "2027-10-01");
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(9);
    expect(first[0]!.slice(5, 7)).toBe("06");
    expect(first.at(-1)!.slice(5, 7)).toBe("09");
    expect(second[0]!.slice(5, 7)).toBe("11");
    expect(second.at(-1)!.slice(0, 7)).toBe("2028-02");
  });

  it("a second run is skipped and creates nothing", async () => {
    const again = await runJob("plan-fiscal-year", "2027-04-02T00:30:00+09:00");
    expect(again).toMatchObject({ status: "skipped", periodKey: "fy2027", reason: "already-succeeded" });
    expect(await councils(2027)).toHaveLength(19);
  });

  it("e-mails each block's secretariat its plan, once", async () => {
    const mails = await mailsOfKind("council.plan");
    expect(mails.map((m) => m.toAddress).sort()).toEqual(Object.values(CONTACTS).sort());
    const hokkaido = mails.find((m) => m.toAddress === CONTACTS.hokkaido)!;
    expect(hokkaido.subject).toContain("令和9年度");
    expect(hokkaido.subject).toContain("FY2027");
    // The mail names both planned dates.
    const dates = (await councils(2027)).filter((e) => e.blockCode === "hokkaido").map((e) => tokyoParts(e.startsAt));
    for (const d of dates) expect(hokkaido.textBody).toContain(`${d.month}月${d.day}日`);
    expect(hokkaido.textBody).toContain("https://events.example.jp/admin");
    expect(hokkaido.status).toBe("pending");
  });

  it("run on 2026-12-01 plans nothing before that day, and says which blocks fall short in the mail and on the dashboard", async () => {
    const run = await runJob("plan-fiscal-year", "2026-12-01T00:30:00+09:00");
    expect(run).toMatchObject({ status: "succeeded", periodKey: "fy2026" });
    // June–September is over: each block gets the one meeting that still fits (okinawa meets once: none).
    expect(run.result).toMatchObject({ fiscalYear: 2026, plannedFrom: "2026-12-01", created: 9, warnings: [] });
    expect(run.result.shortfalls).toHaveLength(10);
    expect(run.result.shortfalls.find((s: any) => s.blockCode === "okinawa")).toEqual({
      blockCode: "okinawa",
      cadence: 1,
      planned: 0,
      missed: [1],
    });
    const fy2026 = await councils(2026);
    expect(fy2026).toHaveLength(9);
    for (const e of fy2026) {
      const key = ymd(e.startsAt).key;
      expect(key > "2026-12-01" && key <= "2027-02-28", key).toBe(true);
      const d = ymd(e.startsAt);
      expect(isSuitableMeetingDay(d.year, d.month, d.day), key).toBe(true);
      // The only meeting of the year is its first, under the council's name from the councils table.
      expect(e.titleJa).toMatch(/（令和8年度 第1回）$/);
    }
    const kinki = fy2026.find((e) => e.blockCode === "kinki")!;
    expect(kinki.titleJa).toBe("近畿地域ブロック協議会（令和8年度 第1回）");
    expect(kinki.titleEn).toBe("Kinki Regional Block Council, FY2026 meeting 1");
    expect(fy2026.find((e) => e.blockCode === "tohoku")!.titleJa).toBe("東北ブロック地域科学技術振興協議会（令和8年度 第1回）");

    const mails = (await mailsOfKind("council.plan")).filter((m) => m.dedupeKey.includes(":fy2026:"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(Object.values(CONTACTS).sort());
    const hokkaido = mails.find((m) => m.toAddress === CONTACTS.hokkaido)!;
    expect(hokkaido.textBody).toContain("この計画は2026年12月1日(火)に作成されたため");
    expect(hokkaido.textBody).toContain("1回で、年2回の開催頻度に届きません");
    expect(hokkaido.textBody).toContain("1 of the block's 2 meetings in FY2026 can still be held");
    const okinawa = mails.find((m) => m.toAddress === CONTACTS.okinawa)!;
    expect(okinawa.textBody).toContain("開催予定日（案）を作成できませんでした");
    expect(okinawa.textBody).toContain("No FY2026 council meeting could be planned.");

    const page = await t.request("/admin?fy=2026", { admin: true });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="plan-shortfalls"');
    expect(html).toContain("この年度の計画は2026年12月1日(火)に作成されたため");
    expect(html).toMatch(/data-block="okinawa">沖縄：年1回のうち0回のみ計画/);
    const en = await t.request("/admin?fy=2026&lang=en", { admin: true, headers: { Cookie: "lang=en" } });
    expect(await en.text()).toContain("only 1 of 2 meetings planned");
    // A year planned from April has no such notice.
    expect(await (await t.request("/admin?fy=2027", { admin: true })).text()).not.toContain('id="plan-shortfalls"');
  });

  it("just before April 1 (Tokyo) plans the fiscal year that is ending: nothing fits any more, and it says so", async () => {
    const run = await runJob("plan-fiscal-year", "2029-03-31T23:00:00+09:00");
    expect(run).toMatchObject({ status: "succeeded", periodKey: "fy2028" });
    expect(run.result).toMatchObject({ fiscalYear: 2028, created: 0 });
    expect(run.result.shortfalls).toHaveLength(10);
    expect(await councils(2028)).toHaveLength(0);
    // Its own secretariat mails, one per block with an address; the other years' are not repeated.
    const mails = await mailsOfKind("council.plan");
    expect(mails).toHaveLength(9);
    expect(mails.filter((m) => m.dedupeKey.includes(":fy2028:"))).toHaveLength(3);
  });

  it("plans FY2050 on weekdays with a clear warning that 2051's holidays are unknown: no 500", async () => {
    const run = await runJob("plan-fiscal-year", "2050-04-01T00:30:00+09:00");
    expect(run).toMatchObject({ status: "succeeded", periodKey: "fy2050" });
    expect(run.result).toMatchObject({ fiscalYear: 2050, created: 19, warnings: [{ code: "holidays-unknown", years: [2051] }] });
    for (const e of await councils(2050)) {
      const d = ymd(e.startsAt);
      expect(weekdayOf(d.year, d.month, d.day) % 6, d.key).not.toBe(0);
      expect(isBlackout(d.year, d.month, d.day), d.key).toBe(false);
    }
    const mail = (await mailsOfKind("council.plan")).find((m) => m.dedupeKey === `plan:hokkaido:fy2050:${CONTACTS.hokkaido}`)!;
    expect(mail.textBody).toContain("2051年の祝日はシステムの祝日表にない");
    expect(mail.textBody).toContain("Public holidays for 2051 are not in the system's holiday table");
    const page = await (await t.request("/admin?fy=2050", { admin: true })).text();
    expect(page).toContain('id="plan-holidays-unknown"');
    // The compliance API answers for such a year too.
    expect((await t.request("/api/councils/compliance?fy=2050")).status).toBe(200);
  });
});

describe("council compliance", () => {
  type Compliance = {
    fiscalYear: number;
    blocks: { block: string; held: number; scheduled: number; planned: number; min: number; max: number; status: string }[];
  };
  const compliance = async (fy: number) => {
    const res = await t.request(`/api/councils/compliance?fy=${fy}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Compliance;
  };
  const schedule = async (id: string) => {
    const res = await t.request(`/api/events/${id}`, { method: "PATCH", admin: true, json: { status: "scheduled" } });
    expect(res.status).toBe(200);
  };
  const meeting = async (block: string, ordinal: 1 | 2) =>
    (
      await t.db
        .select()
        .from(events)
        .where(eq(events.slug, `council-${block}-fy2027-${ordinal}`))
    )[0]!;

  it("is behind before any meeting is scheduled, ok with one, over with three", async () => {
    const before = await compliance(2027);
    expect(before.fiscalYear).toBe(2027);
    expect(before.blocks).toHaveLength(10);
    for (const b of before.blocks) {
      expect(b).toMatchObject({ held: 0, scheduled: 0, min: 1, max: 2, status: "behind" });
      expect(b.planned).toBe(b.block === "okinawa" ? 1 : 2);
    }

    await schedule((await meeting("hokkaido", 1)).id);
    let hokkaido = (await compliance(2027)).blocks.find((b) => b.block === "hokkaido")!;
    expect(hokkaido).toMatchObject({ held: 0, scheduled: 1, planned: 1, status: "ok" });

    await schedule((await meeting("hokkaido", 2)).id);
    hokkaido = (await compliance(2027)).blocks.find((b) => b.block === "hokkaido")!;
    expect(hokkaido).toMatchObject({ scheduled: 2, planned: 0, status: "ok" });

    await createOpenEvent(t, {
      kind: "block_council",
      block: "hokkaido",
      titleJa: "北海道地域科学技術振興協議会（臨時）",
      startsAt: "2027-07-21T14:00:00+09:00",
      endsAt: "2027-07-21T16:00:00+09:00",
      capacity: null,
      status: "scheduled",
    });
    const after = await compliance(2027);
    expect(after.blocks.find((b) => b.block === "hokkaido")).toMatchObject({ scheduled: 3, status: "over" });
    expect(after.blocks.filter((b) => b.status === "behind")).toHaveLength(9);
    // Other years are counted apart.
    expect(
      (await compliance(2026)).blocks.every((b) => b.status === "behind" && b.planned >= (b.block === "okinawa" ? 0 : 1)),
    ).toBe(true);
    expect((await t.request("/api/councils/compliance?fy=abc")).status).toBe(400);
  });

  it("e-mails blocks with no scheduled meeting from October 1, once, and again from January 1", async () => {
    const sept = await runJob("check-council-compliance", "2027-09-30T00:30:00+09:00");
    expect(sept).toMatchObject({ status: "succeeded", periodKey: "day-2027-09-30" });
    expect(sept.result).toMatchObject({ fiscalYear: 2027, round: null, reminded: 0 });
    expect(await mailsOfKind("council.compliance")).toHaveLength(0);

    const oct = await runJob("check-council-compliance", "2027-10-01T00:30:00+09:00");
    expect(oct).toMatchObject({ status: "succeeded", periodKey: "fy2027-oct" });
    expect(oct.result).toMatchObject({ round: "oct", reminded: 2 });
    expect(oct.result.behind).not.toContain("hokkaido");
    expect(oct.result.behind).toHaveLength(9);
    let mails = await mailsOfKind("council.compliance");
    expect(mails.map((m) => m.toAddress).sort()).toEqual([CONTACTS.okinawa, CONTACTS.tohoku].sort());
    expect(mails[0]!.subject).toContain("令和9年度");

    const octAgain = await runJob("check-council-compliance", "2027-10-02T00:30:00+09:00");
    expect(octAgain).toMatchObject({ status: "skipped", periodKey: "fy2027-oct" });
    expect(await mailsOfKind("council.compliance")).toHaveLength(2);

    // Tohoku schedules its meeting before the new year: only Okinawa is reminded again.
    await schedule((await meeting("tohoku", 2)).id);
    const jan = await runJob("check-council-compliance", "2028-01-05T00:30:00+09:00");
    expect(jan).toMatchObject({ status: "succeeded", periodKey: "fy2027-jan" });
    expect(jan.result).toMatchObject({ fiscalYear: 2027, round: "jan", reminded: 1 });
    mails = await mailsOfKind("council.compliance");
    expect(mails.map((m) => m.toAddress).sort()).toEqual([CONTACTS.okinawa, CONTACTS.okinawa, CONTACTS.tohoku].sort());
    expect((await runJob("check-council-compliance", "2028-01-06T00:30:00+09:00")).status).toBe("skipped");
  });
});

describe("remind-registrants", () => {
  const S = new Date("2027-06-15T14:00:00+09:00").getTime();
  type Created = { id: string; manageToken: string; manageUrl: string };
  const register = async (eventId: string, body: Record<string, unknown>) => {
    const res = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: body });
    expect(res.status).toBe(201);
    return (await res.json()) as Created & { status: string };
  };
  const reminders = async (kind: "reminder-7d" | "reminder-1d") => composed(t, await mailsOfKind(`registration.${kind}`));
  const runAt = async (at: number) => {
    t.clock.set(new Date(at));
    return runJob("remind-registrants");
  };

  it("reminds confirmed registrants 7 days and 1 day before, once each", async () => {
    t.clock.set("2027-05-01T10:00:00+09:00");
    const when = { startsAt: "2027-06-15T14:00:00+09:00", endsAt: "2027-06-15T17:00:00+09:00" };
    const full = await createOpenEvent(t, { ...when, capacity: 1 });
    const open = await createOpenEvent(t, { ...when, capacity: null });
    const a = person();
    const w = person();
    const b = person({ locale: "en", name: "Ann Lee" });
    const late = person();
    const ra = await register(full.id, a);
    const rw = await register(full.id, w);
    expect(rw.status).toBe("waitlisted");
    await register(open.id, b);
    // Someone who registers after the 7-day point.
    t.clock.set(new Date(S - 7 * DAY + 30 * 60_000));
    await register(open.id, late);

    const week = await runAt(S - 7 * DAY + HOUR);
    expect(week).toMatchObject({ status: "succeeded" });
    let sent = await reminders("reminder-7d");
    expect(sent.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
    const toA = sent.find((m) => m.to === a.email)!;
    expect(toA.subject).toBe(`【1週間前のご案内】${full.titleJa}`);
    expect(toA.text).toContain("開催の1週間前となりました。");
    expect(toA.text).toContain(ra.manageUrl);
    expect(sent.find((m) => m.to === b.email)!.subject).toBe(`In one week: ${open.titleEn}`);

    // Again in the same hour: skipped. The next hour: runs, but sends nothing new.
    expect((await runAt(S - 7 * DAY + HOUR + 10 * 60_000)).status).toBe("skipped");
    expect((await runAt(S - 7 * DAY + 2 * HOUR)).status).toBe("succeeded");
    expect(await reminders("reminder-7d")).toHaveLength(2);
    expect(await reminders("reminder-1d")).toHaveLength(0);

    const day = await runAt(S - 23 * HOUR);
    expect(day.status).toBe("succeeded");
    sent = await reminders("reminder-1d");
    expect(sent.map((m) => m.to).sort()).toEqual([a.email, b.email, late.email].sort());
    expect(sent.find((m) => m.to === a.email)!.subject).toBe(`【明日開催】${full.titleJa}`);
    expect((await runAt(S - 22 * HOUR)).status).toBe("succeeded");
    expect(await reminders("reminder-1d")).toHaveLength(3);
    expect(await reminders("reminder-7d")).toHaveLength(2);

    // The waiting list hears nothing.
    const toW = await t.db.select().from(outbox).where(eq(outbox.toAddress, w.email));
    expect(toW.map((m) => m.kind)).toEqual(["registration.waitlisted"]);
    const toLate = await t.db.select().from(outbox).where(eq(outbox.toAddress, late.email));
    expect(toLate.map((m) => m.kind).sort()).toEqual(["registration.confirmed", "registration.reminder-1d"]);
  });
});

describe("purge-personal-data", () => {
  it("a year after an event erases names and e-mails but keeps the counts", async () => {
    t.clock.set("2027-05-01T10:00:00+09:00");
    const e = await createOpenEvent(t, {
      startsAt: "2027-05-20T14:00:00+09:00",
      endsAt: "2027-05-20T17:00:00+09:00",
      capacity: 2,
    });
    const people = [person({ sector: "industry" }), person({ sector: "academia" }), person({ sector: "government" })];
    const regs: { manageToken: string; calendarUrl: string; status: string }[] = [];
    for (const p of people) {
      const res = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: p });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { manageToken: string; status: string };
      regs.push({ ...body, calendarUrl: await mailedFeedUrl(t.deps, smtp, p.email) });
    }
    expect(regs.map((r) => r.status)).toEqual(["confirmed", "confirmed", "waitlisted"]);
    const desk = async () => {
      const res = await t.request(`/api/events/${e.id}/registrations`, { admin: true });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        items: { name: string; email: string; organization: string; sector: string }[];
        counts: Record<string, number>;
        bySector: Record<string, number>;
      };
    };
    const deskBefore = await desk();
    const end = new Date("2027-05-20T17:00:00+09:00").getTime();

    // Not yet a year: nothing happens.
    t.clock.set(new Date(end + 364 * DAY));
    expect((await runJob("purge-personal-data")).status).toBe("succeeded");
    expect((await t.request(`/api/registrations/${regs[0]!.manageToken}`)).status).toBe(200);

    t.clock.set(new Date(end + 366 * DAY));
    const run = await runJob("purge-personal-data");
    expect(run.status).toBe("succeeded");
    expect(run.result.registrations).toBeGreaterThanOrEqual(3);
    for (const r of regs) {
      expect((await t.request(`/api/registrations/${r.manageToken}`)).status).toBe(404);
      const feed = new URL(r.calendarUrl);
      expect((await t.request(feed.pathname)).status).toBe(404);
    }
    const rows = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.purgedAt).not.toBeNull();
      expect([row.name, row.email, row.organization, row.nameKana]).toEqual(["", "", "", null]);
      for (const p of people) expect(JSON.stringify(row)).not.toContain(p.email);
    }
    const ev = (await (await t.request(`/api/events/${e.id}`)).json()) as { confirmedCount: number; waitlistCount: number };
    expect([ev.confirmedCount, ev.waitlistCount]).toEqual([2, 1]);
    const deskAfter = await desk();
    expect(deskAfter.counts).toEqual(deskBefore.counts);
    expect(deskAfter.bySector).toEqual(deskBefore.bySector);
    expect(deskAfter.bySector).toMatchObject({ industry: 1, academia: 1 });
    expect(deskAfter.items.map((i) => i.sector)).toEqual(["industry", "academia", "government"]);
    expect(deskAfter.items.every((i) => i.name === "" && i.email === "")).toBe(true);

    // Another run the same day is skipped; the next day finds nothing left to purge here.
    expect((await runJob("purge-personal-data")).status).toBe("skipped");
    t.clock.advance(DAY);
    const next = await runJob("purge-personal-data");
    expect(next).toMatchObject({ status: "succeeded", result: { registrations: 0 } });
  });
});

describe("job runs", () => {
  it("records every run with its job, period, start, end and result", async () => {
    const rows = await t.db.select().from(jobRuns).orderBy(asc(jobRuns.asOf));
    const plan = rows.filter((r) => r.job === "plan-fiscal-year");
    expect(plan.map((r) => r.periodKey).sort()).toEqual(["fy2026", "fy2027", "fy2028", "fy2050"]);
    for (const r of rows) {
      expect(r.status).toBe("succeeded");
      expect(r.finishedAt).not.toBeNull();
      expect(r.finishedAt!.getTime()).toBeGreaterThanOrEqual(r.startedAt.getTime());
      expect(r.result).not.toBeNull();
    }
    const fy2027 = plan.find((r) => r.periodKey === "fy2027")!;
    expect(fy2027.asOf.toISOString()).toBe("2027-03-31T15:30:00.000Z");
    expect(fy2027.result).toMatchObject({ fiscalYear: 2027, created: 19 });
    const compliance = rows.filter((r) => r.job === "check-council-compliance").map((r) => r.periodKey);
    expect(compliance).toEqual(["day-2027-09-30", "fy2027-oct", "fy2027-jan"]);
    // One row per period: the skipped runs left none of their own.
    const reminders = rows.filter((r) => r.job === "remind-registrants");
    expect(reminders).toHaveLength(4);
    expect(new Set(reminders.map((r) => r.periodKey)).size).toBe(4);
  });

  it("a failed run is recorded as failed and may be run again", async () => {
    // A database fault in the middle of the run: a trigger refuses FY2060's meetings.
    await t.db.execute(
      sql.raw(`create function refuse_fy2060() returns trigger language plpgsql as $$
        begin raise exception 'refused by test'; end $$`),
    );
    await t.db.execute(
      sql.raw(`create trigger refuse_fy2060 before insert on events for each row
        when (new.slug like 'council-%-fy2060-%') execute function refuse_fy2060()`),
    );
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await t.request("/api/admin/jobs/plan-fiscal-year/run", {
      method: "POST",
      admin: true,
      json: { now: "2060-04-01T00:30:00+09:00" },
    });
    expect(res.status).toBeGreaterThanOrEqual(500);
    const [failed] = await t.db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, "plan-fiscal-year"), eq(jobRuns.periodKey, "fy2060")));
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.finishedAt).not.toBeNull();
    expect(await councils(2060)).toHaveLength(0);
    quiet.mockRestore();
    // A failed period is not "already succeeded": the next attempt runs again, and succeeds.
    await t.db.execute(sql.raw(`drop trigger refuse_fy2060 on events`));
    await t.db.execute(sql.raw(`drop function refuse_fy2060()`));
    const again = await runJob("plan-fiscal-year", "2060-04-02T00:30:00+09:00");
    expect(again).toMatchObject({ status: "succeeded", periodKey: "fy2060" });
    expect(await councils(2060)).toHaveLength(19);
    const runs = await t.db
      .select()
      .from(jobRuns)
      .where(inArray(jobRuns.periodKey, ["fy2060"]));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe("succeeded");
  });
});
