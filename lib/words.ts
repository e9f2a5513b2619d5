/** How an area's words are declared: Japanese and English side by side, with the same keys. */
import type { Lang } from "./format.ts";

/**
 * The Japanese words give the shape; the English ones must have exactly the same keys (a key missing
 * or extra in either is a type error) and each value the same type, so a function's parameters in
 * `en` are typed by its counterpart in `ja`.
 */
export function words<W extends Record<string, unknown>>(all: { ja: W; en: NoInfer<W> }): Record<Lang, W> {
  return all;
}
