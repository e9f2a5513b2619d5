/** The pages' words: every area has the same keys in Japanese and English, checked by the compiler and here. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "../db/schema/events.ts";
import { REGISTRATION_STATUSES, SECTORS } from "../db/schema/registrations.ts";
import * as DOMAIN_WORDS from "../lib/domain-words.ts";
import { MESSAGES, PAGE_AREAS } from "../web/i18n/messages.ts";
import { words } from "../lib/words.ts";

const DIR = join(import.meta.dirname, "../web/i18n");

/** Where two values differ in shape: keys, kinds of value, array lengths; empty strings count too. */
function differences(ja: unknown, en: unknown, path: string): string[] {
  if (typeof ja !== typeof en || Array.isArray(ja) !== Array.isArray(en))
    return [`${path}: ${typeof ja} in ja, ${typeof en} in en`];
  if (typeof ja === "string") return ja && en ? [] : [`${path}: empty`];
  if (Array.isArray(ja)) return ja.length === (en as unknown[]).length ? [] : [`${path}: ${ja.length} items in ja`];
  if (typeof ja !== "object" || ja === null) return [];
  const a = ja as Record<string, unknown>;
  const b = en as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    !(k in a) ? [`${path}.${k}: only in en`] : !(k in b) ? [`${path}.${k}: only in ja`] : differences(a[k], b[k], `${path}.${k}`),
  );
}

const isWords = (v: unknown): v is { ja: object; en: object } =>
  typeof v === "object" && v !== null && Object.keys(v).sort().join() === "en,ja";

describe("the pages' words", () => {
  it("has the same keys, kinds of value and array lengths in ja and en in every area of web/i18n", async () => {
    const areas: string[] = [];
    for (const file of readdirSync(DIR).filter((f) => f.endsWith(".ts"))) {
      const mod = (await import(join(DIR, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!isWords(value)) continue;
        areas.push(`${file}:${name}`);
        expect(differences(value.ja, value.en, `${file}:${name}`)).toEqual([]);
      }
    }
    // Every area file but the helpers declares its words with words().
    const helpers = ["messages.ts", "domain.ts"];
    const files = readdirSync(DIR).filter((f) => f.endsWith(".ts") && !helpers.includes(f));
    expect(files.filter((f) => !areas.some((a) => a.startsWith(`${f}:`)))).toEqual([]);
  });

  it("has the domain's words (lib/domain-words.ts) for exactly the kinds, sectors and statuses of the schema", () => {
    for (const [name, w] of Object.entries(DOMAIN_WORDS)) expect(differences(w.ja, w.en, name)).toEqual([]);
    expect(Object.keys(DOMAIN_WORDS.KIND_WORDS.ja).sort()).toEqual([...EVENT_KINDS].sort());
    expect(Object.keys(DOMAIN_WORDS.SECTOR_WORDS.ja).sort()).toEqual([...SECTORS].sort());
    expect(Object.keys(DOMAIN_WORDS.STATUS_WORDS.ja).sort()).toEqual([...REGISTRATION_STATUSES].sort());
  });

  it("gives every page the words of all its areas, no key declared by two areas", () => {
    const seen = new Map<string, string>();
    for (const [area, w] of Object.entries(PAGE_AREAS)) {
      for (const key of Object.keys(w.ja)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(Object.keys(MESSAGES.ja).sort()).toEqual([...seen.keys()].sort());
    expect(differences(MESSAGES.ja, MESSAGES.en, "m")).toEqual([]);
  });

  it("is a type error to leave a key out of one language or add one to it", () => {
    const ok = words({
      ja: { hello: "こんにちは", count: (n: number) => `${n}件` },
      en: { hello: "Hello", count: (n) => `${n}` },
    });
    expect(ok.en.count(2)).toBe("2");
    // @ts-expect-error en lacks a key of ja
    words({ ja: { hello: "こんにちは", bye: "さようなら" }, en: { hello: "Hello" } });
    // @ts-expect-error en has a key ja does not
    words({ ja: { hello: "こんにちは" }, en: { hello: "Hello", bye: "Bye" } });
    // @ts-expect-error a word that is a function in ja must be one in en
    words({ ja: { count: (n: number) => `${n}件` }, en: { count: "some" } });
  });
});
