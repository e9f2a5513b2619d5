/** The cluster directory: the clusters, councils and bureaus shipped from the source documents. */
import type { EventRow } from "../../../db/schema/index.ts";
import type { BureauView, ClusterProgramme, ClusterView, CouncilView, getCluster } from "../../../api/directory/service.ts";
import { BlockFilter, blockLabel, EventCard, type BlockInfo, type BlockNames } from "../../ui/event.tsx";
import type { PageCtx } from "../../context.ts";
import { fiscalYearLabel, type Lang } from "../../../lib/format.ts";
import { DIRECTORY_TEXT } from "../../i18n/clusters.ts";
import { pick } from "../../i18n/domain.ts";
import { Layout } from "../../ui/layout.tsx";
import { Filter } from "../../ui/field.tsx";

const PROGRAMMES: ClusterProgramme[] = ["knowledge", "industrial", "continuing"];

const clusterName = (c: ClusterView, lang: Lang) => pick(lang, c.nameJa, c.nameEn);

function ClusterFacts(props: { ctx: PageCtx; cluster: ClusterView }) {
  const { lang } = props.ctx;
  const t = DIRECTORY_TEXT[lang];
  const c = props.cluster;
  const region = pick(lang, c.regionJa ?? "", c.regionEn);
  return (
    <>
      {region && region !== clusterName(c, lang) ? (
        <>
          <dt>{t.region}</dt>
          <dd>{region}</dd>
        </>
      ) : null}
      {c.fieldJa ? (
        <>
          <dt>{t.field}</dt>
          <dd>{pick(lang, c.fieldJa, c.fieldEn)}</dd>
        </>
      ) : null}
      {c.companies !== null || c.universities !== null ? (
        <>
          <dt>{t.membersLabel}</dt>
          <dd>{t.members(c.companies, c.companiesApprox, c.universities, c.asOf)}</dd>
        </>
      ) : null}
      {c.areaType ? (
        <>
          <dt>{t.areaTypeLabel}</dt>
          <dd>{t.areaType[c.areaType]}</dd>
        </>
      ) : null}
      {c.fiscalYearFrom !== null && c.fiscalYearTo !== null ? (
        <>
          <dt>{t.period}</dt>
          <dd>{t.periodValue(fiscalYearLabel(c.fiscalYearFrom, lang), fiscalYearLabel(c.fiscalYearTo, lang))}</dd>
        </>
      ) : null}
      {c.themeJa ? (
        <>
          <dt>{t.theme}</dt>
          <dd lang="ja">{c.themeJa}</dd>
        </>
      ) : null}
    </>
  );
}

export function ClustersPage(props: {
  ctx: PageCtx;
  clusters: ClusterView[];
  blocks: BlockInfo[];
  names: BlockNames;
  filters: { block?: string; programme?: ClusterProgramme };
}) {
  const { ctx, clusters, names, filters } = props;
  const { m, lang } = ctx;
  const t = DIRECTORY_TEXT[lang];
  const programmes = PROGRAMMES.map((p) => ({ value: p, label: t.programme[p] }));
  return (
    <Layout ctx={ctx} title={t.title} section="clusters">
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <form method="get" action="/clusters" class="filters" role="search" aria-label={m.filters}>
        <div class="row">
          <BlockFilter ctx={ctx} blocks={props.blocks} block={filters.block} />
          <Filter
            ctx={ctx}
            name="programme"
            label={t.programmeLabel}
            value={filters.programme}
            all={t.allProgrammes}
            options={programmes}
          />
        </div>
        <div class="actions">
          <button type="submit">{t.show}</button>
          {filters.block || filters.programme ? <a href="/clusters">{m.clear}</a> : null}
        </div>
      </form>
      {clusters.length === 0 ? <p>{t.none}</p> : null}
      {PROGRAMMES.map((p) => {
        const list = clusters.filter((c) => c.programme === p);
        if (list.length === 0) return null;
        return (
          <section aria-labelledby={`p-${p}`}>
            <h2 id={`p-${p}`}>
              {t.programme[p]} <span class="muted">({list.length})</span>
            </h2>
            <ul class="events card-grid">
              {list.map((c) => (
                <li class="event-card" data-cluster={c.code}>
                  <h3>
                    <a href={`/clusters/${c.code}`}>{clusterName(c, lang)}</a>
                  </h3>
                  <p class="meta">
                    {blockLabel(c.block, names, lang) ? <span>{blockLabel(c.block, names, lang)}</span> : null}
                    {c.fieldJa ? <span>{pick(lang, c.fieldJa, c.fieldEn)}</span> : null}
                    {c.companies !== null || c.universities !== null ? (
                      <span>{t.members(c.companies, c.companiesApprox, c.universities, null)}</span>
                    ) : null}
                    {c.fiscalYearFrom !== null && c.fiscalYearTo !== null ? (
                      <span>{t.periodValue(fiscalYearLabel(c.fiscalYearFrom, lang), fiscalYearLabel(c.fiscalYearTo, lang))}</span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

function CouncilItem(props: { lang: Lang; council: CouncilView }) {
  const t = DIRECTORY_TEXT[props.lang];
  const c = props.council;
  return (
    <li data-council={c.code}>
      {pick(props.lang, c.nameJa, c.nameEn)} <span class="muted">({t.councilKind[c.kind]})</span>
    </li>
  );
}

type ClusterDetail = Awaited<ReturnType<typeof getCluster>>;

export function ClusterPage(props: { ctx: PageCtx; detail: ClusterDetail; names: BlockNames; now: Date }) {
  const { ctx, detail, names, now } = props;
  const { lang } = ctx;
  const t = DIRECTORY_TEXT[lang];
  const c = detail.cluster;
  const block = blockLabel(c.block, names, lang);
  const bureau: BureauView | null = detail.bureau;
  const list = (events: EventRow[]) => (
    <ul class="events">
      {events.map((e) => (
        <EventCard ctx={ctx} event={e} now={now} blocks={names} />
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={clusterName(c, lang)} section="clusters">
      <p>
        <a href="/clusters">{t.back}</a>
      </p>
      <h1>{clusterName(c, lang)}</h1>
      <p class="meta">
        <span class="badge info">{t.programme[c.programme]}</span> {block ? <span>{block}</span> : null}
      </p>
      <dl class="facts">
        <ClusterFacts ctx={ctx} cluster={c} />
        {bureau ? (
          <>
            <dt>{t.bureau}</dt>
            <dd data-bureau={bureau.code}>{pick(lang, bureau.nameJa, bureau.nameEn)}</dd>
          </>
        ) : null}
        {detail.councils.length ? (
          <>
            <dt>{t.councils}</dt>
            <dd>
              <ul>
                {detail.councils.map((k) => (
                  <CouncilItem lang={lang} council={k} />
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.source ? (
          <>
            <dt>{t.source}</dt>
            <dd>{c.source}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="own-events">
        <h2 id="own-events">{t.ownEvents}</h2>
        {detail.events.length ? list(detail.events) : <p class="muted">{t.noOwnEvents}</p>}
      </section>
      {block && detail.blockEvents.length ? (
        <section aria-labelledby="block-events">
          <h2 id="block-events">{t.blockEvents(block)}</h2>
          {list(detail.blockEvents)}
          <p>
            <a href={`/?block=${c.block}`}>{t.blockEvents(block)} →</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
