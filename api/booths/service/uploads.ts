/**
 * An upload of the floor plan or of every exhibitor, read as CSV or JSON, checked row by row and
 * compared with what is stored: what would be added, changed and removed. Nothing is saved here;
 * the confirming request saves it through putFloorPlan or replaceExhibitors with the preview's
 * basis, so a hall changed in between is refused rather than overwritten.
 */
import type { Ctx } from "../../deps.ts";
import type { Booth } from "../geometry.ts";
import { BoothInput, ExhibitorInput, type ExhibitorInputT } from "../schemas.ts";
import { checkRows, SheetError, type RowError, type Schema } from "./csv-sheet.ts";
import { EXHIBITOR_CSV_COLUMNS, readExhibitorSheet } from "./exhibitors-csv.ts";
import { exhibitorSetProblems, importedOnly } from "./exhibitors.ts";
import { boothSetErrors, readFloorPlanSheet } from "./floor-plan-csv.ts";
import { eventFor, hallBasis, loadHall } from "./hall.ts";

export type UploadKind = "floor-plan" | "exhibitors";
export type UploadFormat = "csv" | "json";
type Rows<T> = { items: { row: number; value: T }[]; errors: RowError[] };

/** JSON if it looks like JSON (a list or an object), else a CSV sheet. */
export const formatOf = (text: string): UploadFormat => (/^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv");

const whole = (code: string, message: string): RowError => ({ row: 0, column: "body", code, message });

/** A JSON list (or `{ booths | exhibitors: [...] }`), each item checked on its own; rows count from 1. */
function jsonRows<T>(text: string, key: string, schema: Schema<T>): Rows<T> {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { items: [], errors: [whole("invalid_json", e instanceof Error ? e.message : "not valid JSON")] };
  }
  const list = Array.isArray(body) ? body : body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return { items: [], errors: [whole("not_a_list", `send a list, or an object with "${key}": [...]`)] };
  if (list.length === 0) return { items: [], errors: [whole("no_rows", "the list is empty")] };
  if (list.length > 2000) return { items: [], errors: [whole("too_many", "at most 2000 rows")] };
  return checkRows(
    list.map((input, i) => ({ row: i + 1, input })),
    schema,
    (v) => v,
  );
}

function sheetRows<T>(read: () => Rows<T>): Rows<T> {
  try {
    return read();
  } catch (e) {
    if (e instanceof SheetError) return { items: [], errors: [e.toRowError()] };
    throw e;
  }
}

const byRow = (a: RowError, b: RowError) => a.row - b.row;

export function readFloorPlanUpload(text: string) {
  const format = formatOf(text);
  if (format === "csv") return { format, ...sheetRows(() => readFloorPlanSheet(text)) };
  const read = jsonRows<Booth>(text, "booths", BoothInput as never as Schema<Booth>);
  const set = boothSetErrors(
    read.items.map((x) => x.value),
    read.items.map((x) => x.row),
  );
  return { format, items: read.items, errors: [...read.errors, ...set].sort(byRow) };
}

export function readExhibitorsUpload(text: string) {
  const format = formatOf(text);
  const read = format === "csv" ? sheetRows(() => readExhibitorSheet(text)) : jsonRows<ExhibitorInputT>(text, "exhibitors", ExhibitorInput as never as Schema<ExhibitorInputT>);
  const list = read.items.map((x) => x.value);
  const set = exhibitorSetProblems(list, new Set()).map((p) => ({
    row: read.items[p.index]!.row,
    column: p.column,
    code: p.code,
    message: p.message,
  }));
  return { format, items: read.items, errors: [...read.errors, ...set].sort(byRow) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** The fields of `after` whose value differs from `before`'s. */
const changedFields = <K extends string>(keys: readonly K[], before: Partial<Record<K, unknown>>, after: Partial<Record<K, unknown>>) =>
  keys.filter((k) => !same(before[k] ?? null, after[k] ?? null));

const BOOTH_FIELDS = ["x", "y", "w", "h", "zone"] as const;

/** What a new floor plan would change; `inUse` when booths are assigned (the plan cannot be replaced then). */
export async function previewFloorPlan(
  { db, who: { actor } }: Pick<Ctx, "db" | "who">,
  { eventId, booths }: { eventId: string; booths: Booth[] },
) {
  await eventFor(db, actor, eventId);
  const basis = await hallBasis(db, eventId);
  const hall = await loadHall(db, eventId);
  const now = new Map(hall.booths.map((b) => [b.code, b]));
  const next = new Set(booths.map((b) => b.code));
  const added: Booth[] = [];
  const changed: { booth: Booth; fields: string[] }[] = [];
  let unchanged = 0;
  for (const b of booths) {
    const prior = now.get(b.code);
    if (!prior) added.push(b);
    else {
      const fields = changedFields(BOOTH_FIELDS, prior, b);
      if (fields.length) changed.push({ booth: b, fields });
      else unchanged++;
    }
  }
  const removed = hall.booths.filter((b) => !next.has(b.code)).map((b) => ({ code: b.code, zone: b.zone }));
  return { basis, booths, added, changed, removed, unchanged, inUse: hall.assignments.length > 0 };
}

const EXHIBITOR_FIELDS = EXHIBITOR_CSV_COLUMNS.filter((c) => c !== "ref");

/**
 * What a new list of exhibitors would change: refs that are new (or back from withdrawal), refs
 * whose application changes (and whether that costs them their booth: a new size), and refs that
 * would be withdrawn (losing their booth).
 */
export async function previewExhibitors(
  { db, who: { actor } }: Pick<Ctx, "db" | "who">,
  { eventId, exhibitors }: { eventId: string; exhibitors: ExhibitorInputT[] },
) {
  await eventFor(db, actor, eventId);
  const basis = await hallBasis(db, eventId);
  const hall = await loadHall(db, eventId);
  const boothOf = new Map(hall.assignments.map((a) => [a.exhibitorId, hall.booths.find((b) => b.id === a.boothId)?.code ?? null]));
  // Applications are not part of an upload: it neither changes nor removes them.
  const own = importedOnly(hall.exhibitors, exhibitors);
  const active = new Map(own.filter((x) => !x.withdrawnAt).map((x) => [x.ref, x]));
  const next = new Set(exhibitors.map((x) => x.ref));
  const added: ExhibitorInputT[] = [];
  const changed: { exhibitor: ExhibitorInputT; fields: string[]; losesBooth: string | null }[] = [];
  let unchanged = 0;
  for (const x of exhibitors) {
    const prior = active.get(x.ref);
    if (!prior) {
      added.push(x);
      continue;
    }
    const fields = changedFields(EXHIBITOR_FIELDS, prior, { ...x, locale: x.locale ?? "ja" });
    if (!fields.length) unchanged++;
    else changed.push({ exhibitor: x, fields, losesBooth: prior.size !== x.size ? (boothOf.get(prior.id) ?? null) : null });
  }
  const removed = [...active.values()]
    .filter((x) => !next.has(x.ref))
    .map((x) => ({ ref: x.ref, name: x.name, booth: boothOf.get(x.id) ?? null }));
  return { basis, added, changed, removed, unchanged };
}
