/**
 * A table in its scrolling box. With `stack`, below 40rem each row becomes a card and each cell is
 * labelled by its column (data-label), so no table scrolls sideways on a phone.
 */
import type { Child } from "hono/jsx";

export type Column<R> = {
  head: Child;
  cell: (row: R) => Child;
  /** The cell is the row's header (th scope=row). */
  rowHeader?: boolean;
  class?: string;
  /** On both the head and the cells (aria-hidden on a column of arrows). */
  hidden?: boolean;
  /**
   * The cell's label on a phone (stacked tables): the head when it is text; none with false.
   * A row header is labelled only when given one.
   */
  label?: string | false;
};

export function Table<R>(props: {
  columns: Column<R>[];
  rows: readonly R[];
  stack?: boolean;
  class?: string;
  testid?: string;
  rowAttrs?: (row: R) => Record<string, string | undefined>;
}) {
  const { columns, stack } = props;
  const labelOf = (c: Column<R>) => {
    if (!stack || c.label === false) return undefined;
    if (c.rowHeader) return c.label;
    return c.label ?? (typeof c.head === "string" ? c.head : undefined);
  };
  const tableClass = [stack ? "stack" : "", props.class ?? ""].filter(Boolean).join(" ") || undefined;
  const hidden = (c: Column<R>) => (c.hidden ? "true" : undefined);
  return (
    <div class="table-wrap">
      <table class={tableClass} data-testid={props.testid}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.class} aria-hidden={hidden(c)}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr {...(props.rowAttrs?.(r) ?? {})}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" class={c.class} data-label={labelOf(c)}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td class={c.class} data-label={labelOf(c)} aria-hidden={hidden(c)}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A second, quieter line in a cell (an organisation under a name), or nothing. */
export function SubLine(props: { children?: Child }) {
  const c = props.children;
  if (c === null || c === undefined || c === "" || c === false) return null;
  return (
    <>
      <br />
      <span class="muted">{c}</span>
    </>
  );
}
