import { z } from "@hono/zod-openapi";

/**
 * A booth size class such as "2x1": full-width digits and "×" accepted, the longer side first
 * (so "1x2" and "2×1" are the same class).
 */
export const boothSize = z
  .string()
  .max(20)
  .transform((s) => s.normalize("NFKC").replace(/\s+/g, "").replace(/[×X]/g, "x"))
  .pipe(z.string().regex(/^\d{1,3}x\d{1,3}$/, 'must be a size class such as "1x1", "2x1" or "3x3"'))
  .transform((s) => {
    const [a, b] = s.split("x").map(Number) as [number, number];
    return `${Math.max(a, b)}x${Math.min(a, b)}`;
  });
