/** The words every page has at hand as `m` (PageCtx): the pages' areas merged, each key in one area only. */
import type { Lang } from "../../lib/format.ts";
import { ACCOUNT_WORDS } from "./account.ts";
import { ADMIN_EVENT_WORDS } from "./admin-events.ts";
import { ALLOCATION_WORDS } from "./allocation.ts";
import { BOOTH_WORDS } from "./booths.ts";
import { CALENDAR_WORDS } from "./calendar.ts";
import { DASHBOARD_WORDS } from "./dashboard.ts";
import { DESK_WORDS } from "./desk.ts";
import { EVENT_LIST_WORDS } from "./event-list.ts";
import { EVENT_WORDS } from "./event.ts";
import { FAIR_WORDS } from "./fair.ts";
import { MANAGE_WORDS } from "./manage.ts";
import { SITE_WORDS } from "./site.ts";
import { UPLOAD_WORDS } from "./uploads.ts";

export const PAGE_AREAS = {
  site: SITE_WORDS,
  eventList: EVENT_LIST_WORDS,
  event: EVENT_WORDS,
  manage: MANAGE_WORDS,
  calendar: CALENDAR_WORDS,
  fair: FAIR_WORDS,
  account: ACCOUNT_WORDS,
  dashboard: DASHBOARD_WORDS,
  adminEvents: ADMIN_EVENT_WORDS,
  desk: DESK_WORDS,
  booths: BOOTH_WORDS,
  allocation: ALLOCATION_WORDS,
  uploads: UPLOAD_WORDS,
};

type Areas = typeof PAGE_AREAS;
type KeysOf<A extends keyof Areas> = keyof Areas[A]["ja"];
/** The keys that some other area declares too: must be none, or one area's word would hide another's. */
type Clashes = {
  [A in keyof Areas]: KeysOf<A> & { [B in Exclude<keyof Areas, A>]: KeysOf<B> }[Exclude<keyof Areas, A>];
}[keyof Areas];
const noClashes: [Clashes] extends [never] ? true : { clash: Clashes } = true;
void noClashes;

/** Every area's words in one object type (the areas' intersection). */
type AllWords = { [A in keyof Areas]: (words: Areas[A]["ja"]) => void }[keyof Areas] extends (words: infer I) => void ? I : never;
export type Messages = { [K in keyof AllWords]: AllWords[K] };

const merged = (lang: Lang) => Object.assign({}, ...Object.values(PAGE_AREAS).map((area) => area[lang])) as Messages;

export const MESSAGES: Record<Lang, Messages> = { ja: merged("ja"), en: merged("en") };
