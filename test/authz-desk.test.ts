import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("registration desk", () => {
  it("exports CSV that Excel opens, with formula injection neutralised", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    for (const name of ['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "＝全角", '普通 の 名前, "引用"']) {
      expect(
        (await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person({ name, organization: name }) }))
          .status,
      ).toBe(201);
    }
    const res = await t.request(`/api/events/${e.id}/registrations.csv`, { admin: true });
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const buf = new Uint8Array(await res.arrayBuffer());
    expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(buf.slice(3));
    expect(text).toContain("\r\n");
    for (const cell of text.split(/,|\r\n/)) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r＝]/);
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain('"普通 の 名前, ""引用"""');
  });

  it("searches by name, kana and organisation and counts by sector", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    await t.request(`/api/events/${e.id}/registrations`, {
      method: "POST",
      json: person({ name: "佐藤 花子", nameKana: "サトウ ハナコ", organization: "東北大学", sector: "academia" }),
    });
    await t.request(`/api/events/${e.id}/registrations`, {
      method: "POST",
      json: person({ name: "鈴木 一郎", nameKana: "スズキ イチロウ", organization: "仙台市役所", sector: "government" }),
    });
    const kana = (await (await t.request(`/api/events/${e.id}/registrations?q=ｻﾄｳ`, { admin: true })).json()) as {
      items: { name: string }[];
      bySector: Record<string, number>;
    };
    expect(kana.items.map((i) => i.name)).toEqual(["佐藤 花子"]);
    expect(kana.bySector).toEqual({ industry: 0, academia: 1, government: 1, other: 0 });
    const org = (await (
      await t.request(`/api/events/${e.id}/registrations?q=${encodeURIComponent("仙台")}`, { admin: true })
    ).json()) as { items: { name: string; id: string }[] };
    expect(org.items.map((i) => i.name)).toEqual(["鈴木 一郎"]);
    const rid = org.items[0]!.id;
    const first = (await (
      await t.request(`/api/events/${e.id}/registrations/${rid}/check-in`, { method: "POST", admin: true })
    ).json()) as { checkedInAt: string; checkedInBy: string };
    t.clock.advance(60_000);
    const again = (await (
      await t.request(`/api/events/${e.id}/registrations/${rid}/check-in`, { method: "POST", admin: true })
    ).json()) as { checkedInAt: string };
    expect(again.checkedInAt).toBe(first.checkedInAt);
    expect(first.checkedInBy).toBe("ADMIN_TOKEN");
    const undone = (await (
      await t.request(`/api/events/${e.id}/registrations/${rid}/check-in`, { method: "DELETE", admin: true })
    ).json()) as { checkedInAt: string | null };
    expect(undone.checkedInAt).toBeNull();
  });
});
