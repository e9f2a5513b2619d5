/** Answers as people read them (pages, the desk, the CSV), and their counts per option. */
import type { AnswerValue, EventQuestionRow } from "../../db/schema/questions.ts";
import type { Answers } from "./answers.ts";

type Lang = "ja" | "en";
type Question = Pick<EventQuestionRow, "id" | "kind" | "labelJa" | "labelEn" | "options">;

const TICK_WORDS: Record<Lang, { yes: string; no: string }> = {
  ja: { yes: "はい", no: "いいえ" },
  en: { yes: "Yes", no: "No" },
};

export const questionLabel = (q: { labelJa: string; labelEn?: string | null }, lang: Lang) =>
  lang === "en" && q.labelEn ? q.labelEn : q.labelJa;

/** An answer in words: the option's label for choices, はい/いいえ for a tick, the text as written. */
export function answerText(q: Question, value: AnswerValue | undefined, lang: Lang): string {
  if (value === undefined) return "";
  const option = (v: string) => {
    const o = q.options.find((x) => x.value === v);
    return o ? questionLabel(o, lang) : v;
  };
  if (typeof value === "boolean") return value ? TICK_WORDS[lang].yes : TICK_WORDS[lang].no;
  if (Array.isArray(value)) return value.map(option).join(lang === "en" ? "; " : "、");
  return q.kind === "choice" ? option(value) : value;
}

export type AnswerTally = {
  id: string;
  kind: Question["kind"];
  labelJa: string;
  labelEn: string | null;
  /** How many answered at all. */
  answered: number;
  /** Per option (a tick: yes and no); empty for text questions. */
  options: { value: string; labelJa: string; labelEn: string | null; count: number }[];
};

/** Counts of the answers given, per question and option (懇親会 出席 42 / 欠席 18). */
export function tallyAnswers(questions: readonly Question[], all: readonly Answers[]): AnswerTally[] {
  return questions.map((q) => {
    const values = all.map((a) => a[q.id]).filter((v): v is AnswerValue => v !== undefined);
    const options =
      q.kind === "checkbox"
        ? [
            { value: "true", labelJa: TICK_WORDS.ja.yes, labelEn: TICK_WORDS.en.yes },
            { value: "false", labelJa: TICK_WORDS.ja.no, labelEn: TICK_WORDS.en.no },
          ]
        : q.options.map((o) => ({ value: o.value, labelJa: o.labelJa, labelEn: o.labelEn ?? null }));
    const picked = (v: AnswerValue, option: string) =>
      typeof v === "boolean" ? String(v) === option : Array.isArray(v) ? v.includes(option) : v === option;
    return {
      id: q.id,
      kind: q.kind,
      labelJa: q.labelJa,
      labelEn: q.labelEn,
      answered: values.length,
      options:
        q.kind === "text" || q.kind === "textarea"
          ? []
          : options.map((o) => ({ ...o, count: values.filter((v) => picked(v, o.value)).length })),
    };
  });
}
