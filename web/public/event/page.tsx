/** One event: details, seats, add-to-calendar and the registration form (works without script). */
import type { EventRow } from "../../../db/schema/index.ts";
import type { ProgrammeRoomRow as RoomRow, ProgrammeSessionRow as SessionRow } from "../../../db/schema/programme.ts";
import { ProgrammeSection } from "./programme.tsx";
import { registrationClosedReason } from "../../../api/registrations/service.ts";
import { SECTORS } from "../../../db/schema/registrations.ts";
import type { PageCtx } from "../../context.ts";
import { fiscalYearLabel, formatDateTime } from "../../../lib/format.ts";
import { prefectureName } from "../../../lib/prefectures.ts";
import { kindLabel, pick, SECTOR_LABELS } from "../../i18n/domain.ts";
import { Layout } from "../../ui/layout.tsx";
import { type Errors, ErrorSummary, Field, formFields } from "../../ui/field.tsx";
import { blockLabel, EventBadges, eventTitle, eventVenue, eventWhen, type BlockNames } from "../../ui/event.tsx";
import { googleTemplateUrl, icsUrl } from "../../links.ts";
import { privacyNoticeOf } from "../../../api/events/service.ts";
import { contactLine } from "../../../lib/privacy-notice.ts";
import { placeWord } from "../../i18n/event-place.ts";
import { problemText } from "../../../lib/problems.ts";
import type { Answers } from "../../../api/questions/answers.ts";
import type { EventQuestionRow } from "../../../db/schema/questions.ts";
import { QuestionFields, questionLabels } from "./questions.tsx";
import { ExhibitorCall } from "../apply/call.tsx";
import { Notice, type PageNotice } from "../../ui/notice.tsx";

export type RegistrationFormState = {
  values: Record<string, string>;
  /** Answers to the event's questions, as sent (kept on errors). */
  answers?: Answers;
  errors: Errors;
  idempotencyKey: string;
  /** A message about the whole form (already registered, closed, too many attempts). */
  message?: PageNotice;
};

export function EventFacts(props: { ctx: PageCtx; event: EventRow; blocks: BlockNames; full?: boolean; now?: Date }) {
  const { ctx, event: e } = props;
  const { m, lang } = ctx;
  // A finished event shows who came (where recorded), never seats.
  const ended = props.now !== undefined && props.now.getTime() >= e.endsAt.getTime();
  return (
    <dl class="facts">
      <dt>{m.when}</dt>
      <dd>{eventWhen(e, lang)}</dd>
      {e.venue || e.prefecture ? (
        <>
          <dt>{m.where}</dt>
          <dd>{[eventVenue(e, lang), prefectureName(e.prefecture, lang)].filter(Boolean).join(lang === "en" ? ", " : "　")}</dd>
        </>
      ) : null}
      {props.full ? (
        <>
          <PlaceFacts ctx={ctx} event={e} />
          <dt>{m.kind}</dt>
          <dd>{kindLabel(e.kind, lang)}</dd>
          {e.blockCode ? (
            <>
              <dt>{m.block}</dt>
              <dd>{blockLabel(e.blockCode, props.blocks, lang)}</dd>
            </>
          ) : null}
          <dt>{m.fiscalYear}</dt>
          <dd>{fiscalYearLabel(e.fiscalYear, lang)}</dd>
          {ended ? null : (
            <>
              <dt>{m.capacity}</dt>
              <dd>
                {e.capacity === null ? m.unlimited : m.people(e.capacity)}
                {e.waitlistCount > 0 ? `（${m.waitlistCount(e.waitlistCount)}）` : null}
              </dd>
            </>
          )}
          {e.attendance !== null ? (
            <>
              <dt>{m.attendance}</dt>
              <dd class="attendance">{m.attendanceCount(e.attendance, e.attendanceApprox)}</dd>
            </>
          ) : null}
          {e.registrationOpensAt || e.registrationClosesAt ? (
            <>
              <dt>{m.registrationWindow}</dt>
              <dd>
                {[
                  e.registrationOpensAt ? m.from(formatDateTime(e.registrationOpensAt, lang)) : "",
                  e.registrationClosesAt ? m.until(formatDateTime(e.registrationClosesAt, lang)) : "",
                ]
                  .filter(Boolean)
                  .join(lang === "en" ? " " : " ")}
              </dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

/** Address, access, the map link and whom to ask; English pages use the English texts where given. */
function PlaceFacts(props: { ctx: PageCtx; event: EventRow }) {
  const { lang } = props.ctx;
  const e = props.event;
  const address = lang === "en" ? (e.addressEn ?? e.address) : e.address;
  const access = lang === "en" ? (e.accessEn ?? e.access) : e.access;
  const contact = contactLine(e, lang);
  const w = (k: Parameters<typeof placeWord>[0]) => placeWord(k, lang);
  return (
    <>
      {address || e.mapUrl ? (
        <>
          <dt>{w("address")}</dt>
          <dd class="address">
            {address ? <span lang={lang === "en" && !e.addressEn ? "ja" : undefined}>{address}</span> : null}
            {address && e.mapUrl ? " " : null}
            {e.mapUrl ? (
              <a href={e.mapUrl} rel="noopener noreferrer" target="_blank">
                {w("map")}
              </a>
            ) : null}
          </dd>
        </>
      ) : null}
      {access ? (
        <>
          <dt>{w("accessTitle")}</dt>
          <dd class="pre access" lang={lang === "en" && !e.accessEn ? "ja" : undefined}>
            {access}
          </dd>
        </>
      ) : null}
      {contact ? (
        <>
          <dt>{w("contact")}</dt>
          <dd class="contact">
            {e.contactName ? <span>{e.contactName} </span> : null}
            {e.contactEmail ? <a href={`mailto:${e.contactEmail}`}>{e.contactEmail}</a> : null}
            {e.contactPhone ? (
              <span>
                {" "}
                <a href={`tel:${e.contactPhone.replace(/[^0-9+]/g, "")}`}>{e.contactPhone}</a>
              </span>
            ) : null}
          </dd>
        </>
      ) : null}
    </>
  );
}

/** The privacy notice beside the form (the event's own or the product's default). */
function PrivacyNotice(props: { ctx: PageCtx; event: EventRow }) {
  const { lang } = props.ctx;
  const notice = privacyNoticeOf(props.event);
  return (
    <details class="privacy-box" open={props.event.consentRequired}>
      <summary>{placeWord("privacyTitle", lang)}</summary>
      <p class="privacy" id="privacy-notice">
        {notice[lang]}
      </p>
    </details>
  );
}

export function AddToCalendar(props: { ctx: PageCtx; event: EventRow; publicUrl: string }) {
  const { m, lang } = props.ctx;
  return (
    <section aria-labelledby="add-cal">
      <h2 id="add-cal">{m.addToCalendar}</h2>
      <p class="actions">
        <a class="button secondary" href={icsUrl(props.event.id, lang)} download>
          {m.downloadIcs}
        </a>
        <a
          class="button secondary"
          href={googleTemplateUrl(props.event, lang, props.publicUrl)}
          rel="noopener noreferrer"
          target="_blank"
        >
          {m.googleCalendar}
        </a>
      </p>
    </section>
  );
}

const FIELD_LABELS = (ctx: PageCtx) => ({
  name: ctx.m.name,
  nameKana: ctx.m.nameKana,
  email: ctx.m.email,
  organization: ctx.m.organization,
  sector: ctx.m.sector,
  locale: ctx.m.locale,
  consent: placeWord("privacyTitle", ctx.lang),
});

function RegistrationForm(props: {
  ctx: PageCtx;
  event: EventRow;
  state: RegistrationFormState;
  questions: readonly EventQuestionRow[];
}) {
  const { ctx, event: e, state } = props;
  const { m, lang } = ctx;
  const v = state.values;
  const F = formFields(ctx, v, state.errors);
  const full = e.capacity !== null && e.confirmedCount >= e.capacity;
  return (
    <section aria-labelledby="register">
      <h2 id="register">{m.registerTitle}</h2>
      {state.message ? (
        <Notice tone={state.message.tone} role="alert" block>
          {state.message.text}
        </Notice>
      ) : null}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ ...FIELD_LABELS(ctx), ...questionLabels(props.questions, lang) }} />
      <p>{m.registerLead}</p>
      {full ? <Notice tone="warn">{m.waitlistLead}</Notice> : null}
      <form method="post" action={`/events/${e.id}/register`} accept-charset="UTF-8" novalidate data-once>
        <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
        <F name="name" label={m.name} hint={m.nameHint} required autocomplete="name" />
        <F name="nameKana" label={m.nameKana} hint={m.nameKanaHint} autocomplete="off" />
        <F name="email" label={m.email} hint={m.emailHint} required inputmode="email" autocomplete="email" spellcheck={false} />
        <F name="organization" label={m.organization} hint={m.organizationHint} required autocomplete="organization" />
        <F
          as="radio"
          name="sector"
          label={m.sector}
          required
          options={SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[lang][s] }))}
        />
        <Field
          as="radio"
          ctx={ctx}
          name="locale"
          label={m.locale}
          value={v.locale || lang}
          error={state.errors.locale}
          options={[
            { value: "ja", label: m.localeJa, lang: "ja" },
            { value: "en", label: m.localeEn, lang: "en" },
          ]}
        />
        <QuestionFields ctx={ctx} questions={props.questions} answers={state.answers ?? {}} errors={state.errors} />
        <PrivacyNotice ctx={ctx} event={e} />
        {e.consentRequired ? (
          <div class="field" aria-invalid={state.errors.consent ? "true" : undefined}>
            {state.errors.consent ? (
              <span class="error-text" id="f-consent-error">
                {state.errors.consent}
              </span>
            ) : null}
            <label class="check" for="f-consent">
              <input
                id="f-consent"
                type="checkbox"
                name="consent"
                value="1"
                checked={v.consent === "1"}
                aria-required="true"
                aria-describedby={state.errors.consent ? "f-consent-error privacy-notice" : "privacy-notice"}
              />
              {placeWord("consent", lang)}
            </label>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit">{full ? m.submitWaitlist : m.submitRegister}</button>
        </div>
      </form>
    </section>
  );
}

export function EventPage(props: {
  ctx: PageCtx;
  event: EventRow;
  blocks: BlockNames;
  now: Date;
  publicUrl: string;
  form: RegistrationFormState;
  hasFloorPlan: boolean;
  programme: { rooms: RoomRow[]; sessions: SessionRow[] };
  questions: readonly EventQuestionRow[];
}) {
  const { ctx, event: e, now } = props;
  const { m, lang } = ctx;
  const title = eventTitle(e, lang);
  const closed = registrationClosedReason(e, now);
  const description = pick(lang, e.descriptionJa ?? "", e.descriptionEn);
  return (
    <Layout ctx={ctx} title={title} section="events">
      <p>
        <a href="/">{m.backToList}</a>
      </p>
      <h1 lang={lang === "en" && !e.titleEn ? "ja" : undefined}>{title}</h1>
      <p class="meta">
        <span>{kindLabel(e.kind, lang)}</span>
        <EventBadges ctx={ctx} event={e} now={now} />
      </p>
      {lang === "ja" && e.titleEn ? (
        <p class="muted" lang="en">
          {e.titleEn}
        </p>
      ) : null}
      <EventFacts ctx={ctx} event={e} blocks={props.blocks} full now={now} />
      {description ? (
        <p class="pre" lang={lang === "en" && !e.descriptionEn ? "ja" : undefined}>
          {description}
        </p>
      ) : null}
      <ProgrammeSection ctx={ctx} eventId={e.id} rooms={props.programme.rooms} sessions={props.programme.sessions} />
      <ExhibitorCall ctx={ctx} event={e} now={now} />
      {props.hasFloorPlan ? (
        <p>
          <a href={`/fair/${e.id}`}>{m.fair}</a>
        </p>
      ) : null}
      {closed ? (
        <p class={e.status === "cancelled" ? "alert" : "notice"}>{problemText(closed.slug, lang) ?? closed.detail}</p>
      ) : (
        <RegistrationForm ctx={ctx} event={e} state={props.form} questions={props.questions} />
      )}
      {e.status !== "cancelled" ? <AddToCalendar ctx={ctx} event={e} publicUrl={props.publicUrl} /> : null}
    </Layout>
  );
}
