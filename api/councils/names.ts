import { fiscalYearEn, fiscalYearJa } from "../../lib/time.ts";

type Named = { nameJa: string; nameEn: string | null };

/**
 * A block council meeting's title, from the council's name as stored in the councils table (the
 * one form used everywhere). A block without a council row (added by an organiser) falls back to
 * the block's name.
 */
export function councilTitle(opts: { block: Named; council?: Named; fiscalYear: number; number: number }) {
  const { block, council, fiscalYear, number } = opts;
  const ja = council?.nameJa ?? `${block.nameJa}ブロック協議会`;
  const en = council?.nameEn ?? `${block.nameEn ?? block.nameJa} block council`;
  return {
    ja: `${ja}（${fiscalYearJa(fiscalYear)} 第${number}回）`,
    en: `${en}, ${fiscalYearEn(fiscalYear)} meeting ${number}`,
  };
}
