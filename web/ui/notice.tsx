/**
 * A message on a page: success (ok), a warning (warn), a refusal or failure (alert), or a plain note.
 * Success is a polite status and an alert an alert for assistive technology, unless `role` says otherwise.
 */
import type { Child } from "hono/jsx";

export type Tone = "ok" | "warn" | "alert" | "info";
/** A message a handler hands to its page. */
export type PageNotice = { tone: "ok" | "warn" | "alert"; text: string };

export function Notice(props: {
  tone?: Tone;
  /** A block (a div) for messages that hold more than a line of text. */
  block?: boolean;
  /** null: no role. */
  role?: "status" | "alert" | null;
  /** The error summary's behaviour: focused by the page's script when it is there. */
  focus?: boolean;
  id?: string;
  testid?: string;
  children?: Child;
}) {
  const { tone } = props;
  const role =
    props.role === undefined ? (tone === "ok" ? "status" : tone === "alert" ? "alert" : undefined) : (props.role ?? undefined);
  const attrs = {
    class: tone === "alert" ? "alert" : tone ? `notice ${tone}` : "notice",
    role,
    tabindex: props.focus ? -1 : undefined,
    "data-error-summary": props.focus ? true : undefined,
    id: props.id,
    "data-testid": props.testid,
  };
  return props.block ? <div {...attrs}>{props.children}</div> : <p {...attrs}>{props.children}</p>;
}
