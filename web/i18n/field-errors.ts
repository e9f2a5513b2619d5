/**
 * Field errors in the page's language: by zod's issue code and its parameters (bounds, expected type),
 * by the product's reason for a check of its own, and by the product's own codes.
 */
import type { FieldError, FieldReason } from "../../api/errors.ts";
import { MAX_YEAR, MIN_YEAR } from "../../api/lib/date-input.ts";
import type { Lang } from "../../lib/format.ts";
import { words } from "../../lib/words.ts";

/** The API's English message as a sentence: what English pages say where the product's message names the value at fault. */
const sentence = (message: string) => {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

type Reasons = Record<Exclude<FieldReason, "year_range">, string>;
/** The product's codes whose English message names the value at fault ("no booth "A-09" on the floor plan"). */
const PRODUCT_CODES = ["unknown", "duplicate", "taken", "overlap", "out_of_range", "has_answers", "invalid_utf8"] as const;
type ProductCodes = Record<(typeof PRODUCT_CODES)[number], (message: string) => string>;
const isProductCode = (code: string): code is keyof ProductCodes => (PRODUCT_CODES as readonly string[]).includes(code);

export const FIELD_ERROR_WORDS = words({
  ja: {
    required: "必須項目です。入力してください。",
    wholeNumber: "整数で入力してください。",
    wholeNumberFrom: (min: number) => `${min} 以上の整数で入力してください。`,
    numberAtMost: (max: number) => `${max} 以下の数で入力してください。`,
    charsAtLeast: (n: number) => `${n}文字以上で入力してください。`,
    charsAtMost: (n: number) => `${n}文字以内で入力してください。`,
    itemsAtLeast: (n: number) => `${n}件以上にしてください。`,
    itemsAtMost: (n: number) => `${n}件までにしてください。`,
    choose: "選択してください。",
    outOfScope: "担当しているブロックを選んでください。",
    yearRange: (min: number, max: number) => `${min}年から${max}年までの日付を入力してください。`,
    reasons: {
      invalid_unicode: "使用できない文字が含まれています。",
      control_character: "使用できない文字が含まれています。",
      single_line: "改行を含めずに入力してください。",
      bidi: "使用できない文字が含まれています。",
      email: "メールアドレスの形式で入力してください（例：taro@example.jp）。",
      kana: "カタカナ（またはローマ字）で入力してください。",
      date_time: "日時を正しく入力してください。",
      not_a_day: "存在する日付を入力してください。",
      must_tick: "チェックしてください。",
      before: "開始より後の日時を指定してください。",
      options_needed: "選択肢を入力してください。",
      options_not_allowed: "選択肢は「選択」の質問にだけ設定できます。",
      listed_twice: "同じものが2回あります。",
      max_length_not_allowed: "最大文字数は「テキスト」の質問にだけ設定できます。",
    } satisfies Reasons as Reasons,
    codes: {
      unknown: () => "登録されていない値です。",
      duplicate: () => "同じものが2回あります。",
      taken: () => "既に使われています。",
      overlap: () => "ほかと重なっています。",
      out_of_range: () => "範囲の外です。",
      has_answers: () => "回答があります。",
      invalid_utf8: () => "UTF-8 ではありません。",
    } satisfies ProductCodes as ProductCodes,
    /** Anything else; the product's own English message, when it is one, is passed. */
    check: (_message?: string) => "入力内容を確認してください。",
  },
  en: {
    required: "This field is required.",
    wholeNumber: "Enter a whole number.",
    wholeNumberFrom: (min) => `Enter a whole number, ${min} or more.`,
    numberAtMost: (max) => `Enter a number no larger than ${max}.`,
    charsAtLeast: (n) => `Enter at least ${n} characters.`,
    charsAtMost: (n) => `Enter at most ${n} characters.`,
    itemsAtLeast: (n) => `Give at least ${n}.`,
    itemsAtMost: (n) => `Give at most ${n}.`,
    choose: "Choose one.",
    outOfScope: "Choose a block you organise.",
    yearRange: (min, max) => `Enter a date between ${min} and ${max}.`,
    reasons: {
      invalid_unicode: "Contains characters that cannot be used (invalid Unicode).",
      control_character: "Contains a control character, which cannot be used.",
      single_line: "Must be a single line.",
      bidi: "Contains an invisible direction mark, which cannot be used.",
      email: "Must be an e-mail address (e.g. taro@example.jp).",
      kana: "Must be written in kana (or Latin letters).",
      date_time: "Enter a date and time.",
      not_a_day: "Enter a day of the calendar.",
      must_tick: "Please tick this box.",
      before: "Must not be before the start.",
      options_needed: "Give the options.",
      options_not_allowed: "Only choice questions have options.",
      listed_twice: "Listed twice.",
      max_length_not_allowed: "Only text questions have a longest answer.",
    },
    codes: {
      unknown: sentence,
      duplicate: sentence,
      taken: sentence,
      overlap: sentence,
      out_of_range: sentence,
      has_answers: sentence,
      invalid_utf8: () => "Not UTF-8.",
    },
    check: (message) => (message ? sentence(message) : "Please check this value."),
  },
});

/** Zod's own codes: their messages are zod's, not the product's, and are not shown to people. */
const ZOD_CODES = new Set([
  "invalid_type",
  "invalid_union",
  "unrecognized_keys",
  "invalid_key",
  "invalid_element",
  "not_multiple_of",
]);

/** Fields of the pages that take a whole number, with their least value (the schemas' bounds), for text typed there. */
const WHOLE_NUMBER_MIN: Record<string, number> = { capacity: 0 };

/** A field error in the page's language. */
export function fieldMessage(e: FieldError, lang: Lang): string {
  const w = FIELD_ERROR_WORDS[lang];
  const p = e.params ?? {};
  if (p.reason === "year_range") return w.yearRange(p.minimum ?? MIN_YEAR, p.maximum ?? MAX_YEAR);
  if (p.reason) return w.reasons[p.reason];
  if (p.missing || e.code === "required") return w.required;
  const bound = p.minimum ?? p.maximum;
  switch (e.code) {
    case "invalid_type":
      if (p.expected === "number" || p.expected === "int") {
        const min = WHOLE_NUMBER_MIN[e.field.split(".")[0]!];
        return min === undefined ? w.wholeNumber : w.wholeNumberFrom(min);
      }
      break;
    case "too_small":
      if (p.origin === "string") return (p.minimum ?? 1) <= 1 ? w.required : w.charsAtLeast(p.minimum!);
      if (bound !== undefined && (p.origin === "number" || p.origin === "int")) return w.wholeNumberFrom(bound);
      if (bound !== undefined && (p.origin === "array" || p.origin === "set")) return w.itemsAtLeast(bound);
      break;
    case "too_big":
      if (bound !== undefined && p.origin === "string") return w.charsAtMost(bound);
      if (bound !== undefined && (p.origin === "number" || p.origin === "int")) return w.numberAtMost(bound);
      if (bound !== undefined && (p.origin === "array" || p.origin === "set")) return w.itemsAtMost(bound);
      break;
    case "invalid_value":
      return w.choose;
    case "out_of_scope":
      return w.outOfScope;
  }
  if (isProductCode(e.code)) return w.codes[e.code](e.message);
  return w.check(ZOD_CODES.has(e.code) ? undefined : e.message);
}
