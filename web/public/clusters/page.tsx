/** The cluster directory: the clusters, councils and bureaus shipped from the source documents. */
import type { EventRow } from "../../../db/schema/index.ts";
import type { BureauView, ClusterProgramme, ClusterView, CouncilView, getCluster } from "../../../api/directory/service.ts";
import { BlockFilter, blockLabel, EventCard, type BlockInfo, type BlockNames } from "../../ui/event.tsx";
import type { PageCtx } from "../../context.ts";
import { fiscalYearLabel, type Lang } from "../../../lib/format.ts";
import { pick } from "../../i18n/domain.ts";
import { Layout } from "../../ui/layout.tsx";
import { Filter } from "../../ui/field.tsx";

const ja = {
  title: "クラスター一覧",
  lead: "知的クラスター創成事業の地域、産業クラスター計画の18プロジェクト、継続中の地域クラスターと、その協議会・経済産業局・催し。",
  programme: { knowledge: "知的クラスター創成事業", industrial: "産業クラスター計画", continuing: "継続中の地域クラスター" },
  allProgrammes: "すべての事業",
  programmeLabel: "事業",
  show: "表示",
  none: "条件に合うクラスターはありません。",
  region: "地域",
  field: "分野",
  members: (companies: number | null, approx: boolean, universities: number | null, asOf: string | null) =>
    [companies !== null ? `${approx ? "約" : ""}${companies}社` : null, universities !== null ? `${universities}大学` : null]
      .filter(Boolean)
      .join("・") + (asOf ? `（${asOf}）` : ""),
  membersLabel: "参加企業・大学",
  areaType: { global: "グローバル型", city: "都市エリア型" },
  areaTypeLabel: "類型",
  period: "期間",
  periodValue: (from: string, to: string) => `${from}〜${to}`,
  theme: "テーマ",
  bureau: "経済産業局",
  councils: "協議会",
  councilKind: { block: "地域ブロック協議会", promotion: "クラスター推進協議会" },
  ownEvents: "このクラスターの催し",
  noOwnEvents: "資料にこのクラスターの催しの記録はありません。",
  blockEvents: (block: string) => `${block}の催し`,
  source: "出典資料",
  back: "クラスター一覧へ",
};

const en: typeof ja = {
  title: "Clusters",
  lead: "The Knowledge Cluster Initiative regions, the 18 Industrial Cluster projects and the continuing regional cluster areas, with their councils, METI bureaus and events.",
  programme: {
    knowledge: "Knowledge Cluster Initiative",
    industrial: "Industrial Cluster Project",
    continuing: "Continuing regional cluster areas",
  },
  allProgrammes: "All programmes",
  programmeLabel: "Programme",
  show: "Show",
  none: "No cluster matches.",
  region: "Region",
  field: "Field",
  members: (companies, approx, universities, asOf) =>
    [
      companies !== null ? `${approx ? "about " : ""}${companies} companies` : null,
      universities !== null ? `${universities} universities` : null,
    ]
      .filter(Boolean)
      .join(", ") + (asOf ? ` (${asOf})` : ""),
  membersLabel: "Companies and universities",
  areaType: { global: "Global type", city: "City-area type" },
  areaTypeLabel: "Type",
  period: "Period",
  periodValue: (from, to) => `${from}–${to}`,
  theme: "Theme",
  bureau: "METI bureau",
  councils: "Councils",
  councilKind: { block: "Regional block council", promotion: "Cluster promotion council" },
  ownEvents: "Events of this cluster",
  noOwnEvents: "The documents record no event of this cluster.",
  blockEvents: (block) => `Events in the ${block}`,
  source: "Source documents",
  back: "All clusters",
};

const DIRECTORY_TEXT: Record<Lang, typeof ja> = { ja, en };

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
            options={[{ value: "", label: t.allProgrammes }, ...PROGRAMMES.map((p) => ({ value: p, label: t.programme[p] }))]}
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
