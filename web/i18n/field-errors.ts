/** Field errors (zod issues and the product's own) in the page's language. */
import type { FieldError } from "../../api/errors.ts";
import type { Lang } from "../../lib/format.ts";

const JA_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must not be empty$/, () => "入力してください。"],
  [/^must be at most (\d+) characters$/, (m) => `${m[1]}文字以内で入力してください。`],
  [/^must be at least (\d+) characters$/, (m) => `${m[1]}文字以上で入力してください。`],
  [/^must be an e-mail address$/, () => "メールアドレスの形式で入力してください（例：taro@example.jp）。"],
  [/^must be written in kana/, () => "カタカナ（またはローマ字）で入力してください。"],
  [/^must be a single line$/, () => "改行を含めずに入力してください。"],
  [/^contains /, () => "使用できない文字が含まれています。"],
  [/^must not be before (\w+)$/, () => "開始より後の日時を指定してください。"],
  [/^must be a block you organise$/, () => "担当しているブロックを選んでください。"],
  [/^must be an ISO 8601/, () => "日時を正しく入力してください。"],
  [/^is not a real date$/, () => "存在する日付を入力してください。"],
];

/** Fields of the pages that take a whole number, with their least value (the schemas' bounds). */
const WHOLE_NUMBER_MIN: Record<string, number> = { capacity: 0 };

/** A field error in the page's language; zod's messages are English. */
export function fieldMessage(e: FieldError, lang: Lang): string {
  const missing =
    (e.code === "invalid_type" && /received (undefined|null)$/.test(e.message)) ||
    (e.code === "invalid_union" && /expected string/i.test(e.message)) ||
    e.message === "must not be empty";
  // Text where a whole number belongs ("abc", "-5" as typed, "1.5"), or one below the least allowed.
  const least = e.code === "too_small" ? e.message.match(/expected number to be >=?(-?\d+)/)?.[1] : undefined;
  const notWhole = !missing && e.code === "invalid_type" && /expected (number|int)/.test(e.message);
  const min = least !== undefined ? Number(least) : notWhole ? WHOLE_NUMBER_MIN[e.field.split(".")[0]!] : undefined;
  if (lang === "ja") {
    if (missing) return "必須項目です。入力してください。";
    if (notWhole || least !== undefined)
      return min !== undefined ? `${min} 以上の整数で入力してください。` : "整数で入力してください。";
    if (e.code === "invalid_value" || e.code === "invalid_enum_value") return "選択してください。";
    if (e.code === "too_big" && /number|<=/i.test(e.message)) return "大きすぎる数です。";
    for (const [re, f] of JA_MESSAGES) {
      const m = e.message.match(re);
      if (m) return f(m);
    }
    return "入力内容を確認してください。";
  }
  if (missing) return "This field is required.";
  if (notWhole || least !== undefined)
    return min !== undefined ? `Enter a whole number, ${min} or more.` : "Enter a whole number.";
  if (e.code === "invalid_value" || e.code === "invalid_enum_value") return "Choose one.";
  if (/^Invalid input/.test(e.message)) return "Please check this value.";
  const text = e.message.charAt(0).toUpperCase() + e.message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
