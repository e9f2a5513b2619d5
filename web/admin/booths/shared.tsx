/** What the booth pages share: the rows they show, their address, the heading with the fair. */
import type { runAllocation } from "../../../api/booths/service/allocation.ts";
import type { listExhibitors } from "../../../api/booths/service/exhibitors.ts";
import type { listBooths } from "../../../api/booths/service/floor-plan.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import type { PageCtx } from "../../context.ts";
import { eventTitle, eventWhen } from "../../ui/event.tsx";

export type Booth = Awaited<ReturnType<typeof listBooths>>[number];
export type Exhibitor = Awaited<ReturnType<typeof listExhibitors>>[number];
export type Allocation = Awaited<ReturnType<typeof runAllocation>>;
export type AssignValues = { exhibitor: string; booth: string; pinned: boolean };

export const boothsPath = (eventId: string) => `/admin/events/${eventId}/booths`;
export const named = (ctx: PageCtx, x: { name: string; ref: string }) => ctx.m.exhibitorNamed(x.name, x.ref);

export function EventHeading(props: { ctx: PageCtx; event: EventRow; title: string }) {
  const { ctx, event: e } = props;
  return (
    <>
      <p>
        <a href="/admin/events">{ctx.m.eventsAdminTitle}</a>
      </p>
      <h1>{props.title}</h1>
      <p>
        <strong>{eventTitle(e, ctx.lang)}</strong>
        <br />
        {eventWhen(e, ctx.lang)}
        <br />
        <a href={`/fair/${e.id}`}>{ctx.m.publicFairPage}</a>
      </p>
    </>
  );
}
