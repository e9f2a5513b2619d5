import { ValidationFailed } from "../errors.ts";

/**
 * A keyset cursor: the sort instant and the id of a page's last row, as base64url. Lists that page
 * by (instant, id) hand it out as nextCursor and read it back here.
 */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

/** The instant and id of a cursor that encodeCursor made; anything else is a 400 naming query.cursor. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(at.getTime())) {
    throw new ValidationFailed([{ field: "query.cursor", code: "invalid", message: "is not a cursor this API issued" }]);
  }
  return { at, id };
}
