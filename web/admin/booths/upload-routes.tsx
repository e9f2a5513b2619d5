/**
 * The booth page's uploads, mounted inside adminRoutes behind its guard (a session, _csrf on every
 * POST). The first POST checks the file and shows what it would change; the confirming POST checks
 * it again and saves it in one transaction, refused (and shown again) when the hall changed since.
 */
import { Hono } from "hono";
import type { RowError } from "../../../api/booths/service/csv-sheet.ts";
import { replaceExhibitors } from "../../../api/booths/service/exhibitors.ts";
import { putFloorPlan } from "../../../api/booths/service/floor-plan.ts";
import {
  formatOf,
  previewExhibitors,
  previewFloorPlan,
  readExhibitorsUpload,
  readFloorPlanUpload,
  type UploadKind,
} from "../../../api/booths/service/uploads.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { Conflict, NotFound } from "../../../api/errors.ts";
import { loadFair } from "./routes.tsx";
import { UploadPreviewPage, type UploadCheck } from "./uploads.tsx";
import { pageCtx, qs, render, type WebContext, type WebEnv } from "../../context.ts";
import { NO_STORE } from "../common.ts";

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
const kindOf = (c: WebContext): UploadKind => {
  const kind = c.req.param("kind");
  if (kind !== "floor-plan" && kind !== "exhibitors") throw new NotFound("page");
  return kind;
};

/** The file if one was chosen, else the pasted text; a file that is not UTF-8 is a problem of its own. */
async function uploadedText(c: WebContext): Promise<{ text: string; problem?: RowError }> {
  const body = await c.req.parseBody();
  const file = body.file;
  if (file instanceof File && file.size > 0) {
    try {
      return { text: STRICT_UTF8.decode(await file.arrayBuffer()) };
    } catch {
      return { text: "", problem: { row: 0, column: "body", code: "invalid_utf8", message: "the file is not UTF-8" } };
    }
  }
  return { text: typeof body.text === "string" ? body.text : "" };
}

/** How many rows the upload had: those read and those refused. */
const rowCount = (items: { row: number }[], errors: RowError[]) =>
  new Set([...items.map((x) => x.row), ...errors.filter((e) => e.row > 0).map((e) => e.row)]).size;

export function boothUploadRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const { db } = deps;

  /** The upload read and compared with the hall: its row errors, or what it would change (and the values to save). */
  const check = async (c: WebContext, kind: UploadKind, text: string, problem?: RowError) => {
    const eventId = c.req.param("id")!;
    const format = formatOf(text);
    if (problem || !text.trim()) {
      const errors = [problem ?? { row: 0, column: "body", code: "empty", message: "nothing was sent" }];
      return { check: { kind, format, rows: 0, errors } satisfies UploadCheck };
    }
    if (kind === "floor-plan") {
      const read = readFloorPlanUpload(text);
      const rows = rowCount(read.items, read.errors);
      if (read.errors.length) return { check: { kind, format, rows, errors: read.errors } satisfies UploadCheck };
      const booths = read.items.map((x) => x.value);
      const preview = await previewFloorPlan(c.get("ctx"), { eventId, booths });
      return { check: { kind, format, rows, preview } satisfies UploadCheck, booths };
    }
    const read = readExhibitorsUpload(text);
    const rows = rowCount(read.items, read.errors);
    if (read.errors.length) return { check: { kind, format, rows, errors: read.errors } satisfies UploadCheck };
    const exhibitors = read.items.map((x) => x.value);
    const preview = await previewExhibitors(c.get("ctx"), { eventId, exhibitors });
    return { check: { kind, format, rows, preview } satisfies UploadCheck, exhibitors };
  };

  const show = (c: WebContext, fair: Awaited<ReturnType<typeof loadFair>>, result: { check: UploadCheck }, text: string, stale = false) =>
    render(
      c,
      <UploadPreviewPage ctx={pageCtx(c, true)} event={fair.event} check={result.check} text={text} stale={stale} />,
      "errors" in result.check ? 400 : stale ? 409 : 200,
      NO_STORE,
    );

  app.post("/admin/events/:id/booths/upload/:kind", async (c) => {
    const kind = kindOf(c);
    const fair = await loadFair(db, c);
    const { text, problem } = await uploadedText(c);
    return show(c, fair, await check(c, kind, text, problem), text);
  });

  app.post("/admin/events/:id/booths/upload/:kind/confirm", async (c) => {
    const kind = kindOf(c);
    const fair = await loadFair(db, c);
    const { text } = await uploadedText(c);
    const basis = (await c.req.parseBody()).basis;
    const result = await check(c, kind, text);
    if ("errors" in result.check) return show(c, fair, result, text);
    if (typeof basis !== "string" || !basis) return show(c, fair, result, text, true);
    const eventId = fair.event.id;
    try {
      if (result.booths) await putFloorPlan(c.get("ctx"), { eventId, input: { booths: result.booths }, basis });
      else if (result.exhibitors) await replaceExhibitors(c.get("ctx"), { eventId, input: result.exhibitors, basis });
    } catch (err) {
      // The hall changed since the check (or booths were assigned meanwhile): compare again and say so.
      if (err instanceof Conflict && (err.slug === "hall-changed" || err.slug === "floor-plan-in-use"))
        return show(c, fair, await check(c, kind, text), text, true);
      throw err;
    }
    const count = (result.booths ?? result.exhibitors ?? []).length;
    return c.redirect(`/admin/events/${eventId}/booths${qs({ done: kind, count })}`, 303);
  });

  return app;
}
