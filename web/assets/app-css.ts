/**
 * The pages' one stylesheet, kept as a string so Node and Workers serve it without a file system.
 * Mobile first; colours meet WCAG AA (most AAA) on white; focus is always visible.
 */
export const APP_CSS = `
:root {
  --text: #1b1b1b;
  --muted: #4a4a4a;
  --bg: #ffffff;
  --panel: #f3f5f7;
  --line: #b7bec6;
  --brand: #0b4f8a;
  --brand-dark: #083a66;
  --link: #0b4f8a;
  --visited: #5a2d82;
  --ok: #1e6b34;
  --ok-bg: #e5f4e9;
  --warn: #8a4b00;
  --warn-bg: #fff3d6;
  --bad: #a3141b;
  --bad-bg: #fde8e8;
  --focus: #ffbf47;
  --held: #0b4f8a;
  --scheduled: #3f8fd2;
  --planned: #ffffff;
  font-size: 100%;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: var(--bg);
  font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  line-height: 1.7; font-size: 1rem;
}
:lang(en) body, body:lang(en) { line-height: 1.55; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--text); }
a:focus-visible { background: var(--focus); color: #000; box-shadow: 0 4px 0 #000; outline: none; text-decoration: none; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 0.5rem; top: 0.5rem; z-index: 10; padding: 0.5rem 1rem; }
.wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
header.site { background: var(--brand); color: #fff; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; padding-top: 0.5rem; padding-bottom: 0.5rem; }
header.site a { color: #fff; }
header.site a:focus-visible { color: #000; }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; margin-right: auto; }
.brand small { display: block; font-weight: 400; font-size: 0.8rem; }
nav.main ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
nav.main a { display: inline-block; padding: 0.4rem 0; }
nav.main a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.langswitch { border: 1px solid #fff; border-radius: 4px; padding: 0.2rem 0.6rem; text-decoration: none; }
.adminbar { background: #e9eef3; border-bottom: 1px solid var(--line); font-size: 0.95rem; }
.adminbar .wrap { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; padding-top: 0.35rem; padding-bottom: 0.35rem; }
.adminbar form { margin: 0 0 0 auto; }
main { padding: 1rem 0 3rem; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.4; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 0 2rem; }
.muted { color: var(--muted); }
.pre { white-space: pre-line; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* buttons and forms */
.button, button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
  min-height: 44px; padding: 0.45rem 1.1rem; border: 2px solid var(--brand); border-radius: 6px;
  background: var(--brand); color: #fff; font: inherit; font-weight: 700; cursor: pointer; text-decoration: none;
}
a.button:visited { color: #fff; }
.button:hover, button:hover { background: var(--brand-dark); border-color: var(--brand-dark); }
.button.secondary, button.secondary { background: #fff; color: var(--brand); }
a.button.secondary:visited { color: var(--brand); }
.button.secondary:hover, button.secondary:hover { background: #e8f0f8; }
.button.danger, button.danger { background: var(--bad); border-color: var(--bad); color: #fff; }
.button.small, button.small { min-height: 36px; padding: 0.2rem 0.7rem; font-size: 0.92rem; }
button[aria-disabled="true"] { opacity: 0.6; cursor: progress; }
.actions { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 1rem 0; }
form.inline { display: inline; margin: 0; }
.field { margin: 0 0 1.1rem; }
.field > label, fieldset > legend { display: block; font-weight: 700; margin-bottom: 0.2rem; }
.tag { display: inline-block; font-size: 0.78rem; font-weight: 400; padding: 0 0.4rem; margin-left: 0.4rem; border-radius: 3px; background: var(--panel); border: 1px solid var(--line); vertical-align: 0.1em; }
.tag.req { background: var(--bad-bg); border-color: #e4a5a7; color: var(--bad); }
.hint { display: block; color: var(--muted); font-size: 0.9rem; margin-bottom: 0.25rem; }
.error-text { display: block; color: var(--bad); font-weight: 700; margin-bottom: 0.25rem; }
input[type="text"], input[type="email"], input[type="password"], input[type="number"], input[type="search"],
input[type="datetime-local"], input[type="url"], select, textarea {
  font: inherit; color: var(--text); background: #fff; width: 100%; max-width: 36rem;
  min-height: 44px; padding: 0.4rem 0.6rem; border: 2px solid #5f6b77; border-radius: 4px;
}
textarea { min-height: 7rem; }
input[readonly] { background: var(--panel); }
input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"], fieldset[aria-invalid="true"] { border-color: var(--bad); border-left-width: 6px; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--focus); box-shadow: inset 0 0 0 2px var(--text); }
fieldset { border: 0; padding: 0; margin: 0 0 1.1rem; min-width: 0; }
fieldset[aria-invalid="true"] { border-left: 6px solid var(--bad); padding-left: 0.75rem; }
.choices { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
.choices label { display: inline-flex; align-items: center; gap: 0.4rem; min-height: 44px; font-weight: 400; }
.choices input, .check input { width: 1.35rem; height: 1.35rem; margin: 0; accent-color: var(--brand); }
.check, .field > label.check { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px; }
fieldset.group { border-top: 1px solid var(--line); padding-top: 0.8rem; }
.privacy { background: var(--panel); padding: 0.6rem 0.9rem; margin: 0 0 1rem; border-radius: 4px; font-size: 0.95em; white-space: pre-line; overflow-wrap: anywhere; }
dl.facts dd.pre { white-space: pre-line; }
.row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.row > .field { flex: 1 1 14rem; }
.copyline { display: flex; gap: 0.5rem; align-items: stretch; max-width: 44rem; }
.copyline input { flex: 1; max-width: none; font-size: 0.9rem; }
.copyline button { flex: none; }
.filters { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem 0.25rem; margin: 0 0 1.25rem; }
.filters .row > .field { flex: 1 1 11rem; }
.filters .actions { margin-top: 0; }

/* messages */
.notice, .alert { border-left: 6px solid var(--brand); background: #e8f0f8; padding: 0.75rem 1rem; margin: 0 0 1.25rem; border-radius: 0 4px 4px 0; }
.notice.ok { border-color: var(--ok); background: var(--ok-bg); }
.notice.warn { border-color: var(--warn); background: var(--warn-bg); }
.alert { border-color: var(--bad); background: var(--bad-bg); }
.alert h2 { margin-top: 0; font-size: 1.1rem; }
.alert ul { margin-bottom: 0; }
.alert:focus { outline: 3px solid var(--focus); }

/* events */
.events { list-style: none; padding: 0; margin: 0; }
.event-card { border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; margin: 0 0 0.8rem; }
.event-card h2, .event-card h3 { margin: 0.1rem 0 0.3rem; font-size: 1.12rem; }
.event-card .when { font-weight: 700; }
.event-card.cancelled { background: var(--panel); }
.card-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); gap: 0 0.8rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; margin: 0; color: var(--muted); font-size: 0.95rem; }
.badge { display: inline-block; font-size: 0.82rem; font-weight: 700; padding: 0.05rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
.badge.ok { color: var(--ok); background: var(--ok-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.bad { color: var(--bad); background: var(--bad-bg); }
.badge.info { color: var(--brand); background: #e8f0f8; }
dl.facts { display: grid; grid-template-columns: 1fr; gap: 0.1rem 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0 0 0.6rem; }
@media (min-width: 40rem) {
  dl.facts { grid-template-columns: 11rem 1fr; }
  dl.facts dd { margin: 0; padding-bottom: 0.4rem; }
}
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 0 0 1.25rem; }
.panel > h2:first-child { margin-top: 0; }

/* tables */
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th .muted { font-weight: 400; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--text); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.behind { background: var(--warn-bg); }
/* table.stack: on a phone each row is a card, each cell labelled by its column (data-label) */
@media (max-width: 40rem) {
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 0.75rem; padding: 0.25rem 0.75rem; background: var(--bg); }
  table.stack th, table.stack td { border: 0; padding: 0.3rem 0; overflow-wrap: anywhere; }
  table.stack [data-label]::before { content: attr(data-label); display: block; font-size: 0.8rem; font-weight: 400; color: var(--muted); }
  table.stack td:empty { display: none; }
  table.stack td.num { display: inline-block; width: auto; margin-right: 1.25rem; text-align: left; }
}
tr.behind th { border-left: 6px solid var(--warn); }

/* month view */
.month-nav { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; margin: 0 0 0.75rem; }
.month-nav h2 { margin: 0; }
table.month { table-layout: fixed; }
table.month th { text-align: center; }
table.month td { height: 6.5rem; padding: 0.25rem; border: 1px solid var(--line); }
table.month td.out { background: var(--panel); }
table.month .day { font-weight: 700; display: block; }
table.month .day .full { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.month td.sun .day, table.month th.sun { color: var(--bad); }
table.month td.sat .day, table.month th.sat { color: var(--brand); }
table.month td.holiday .day, table.month .holiday-name { color: var(--bad); }
table.month .holiday-name { display: block; font-size: 0.75rem; line-height: 1.3; margin: 0 0 0.15rem; }
table.month td.today { outline: 3px solid var(--brand); outline-offset: -3px; }
table.month ul { list-style: none; margin: 0; padding: 0; font-size: 0.82rem; line-height: 1.35; }
table.month li { margin: 0 0 0.25rem; }
table.month li.cancelled a { text-decoration: line-through; }
@media (max-width: 44rem) {
  table.month, table.month tbody, table.month tr, table.month td { display: block; width: 100%; }
  table.month thead { position: absolute; left: -9999px; }
  table.month td { height: auto; border: 0; border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
  table.month td.out, table.month td.empty { display: none; }
  table.month ul { font-size: 0.95rem; }
  table.month .day .num { display: none; }
  table.month .day .full { position: static; width: auto; height: auto; overflow: visible; clip: auto; }
}

/* dashboard */
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0 0 0.75rem; font-size: 0.92rem; }
.swatch { display: inline-block; width: 1rem; height: 1rem; vertical-align: -0.15em; margin-right: 0.35rem; border: 1px solid var(--text); }
.swatch.held { background: var(--held); }
.swatch.scheduled { background: var(--scheduled); }
.swatch.planned { background: #fff; border: 2px dashed #4a4a4a; }
.swatch.minimum { width: 0; border: 0; border-left: 2px solid var(--text); margin: 0 0.55rem 0 0.4rem; }
svg.bar { display: block; width: 100%; max-width: 14rem; height: 1.4rem; }
.fy-nav { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem 1rem; margin: 0 0 1rem; }
.fy-nav form { display: flex; gap: 0.5rem; align-items: end; margin: 0; }
.fy-nav .field { margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.counts li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.8rem; }
.counts strong { font-size: 1.2rem; margin-left: 0.3rem; }
.fairmap-wrap { overflow: auto; max-height: 80vh; border: 1px solid var(--line); border-radius: 6px; background: #fff; margin: 0 0 0.5rem; }
svg.fairmap { display: block; width: 100%; height: auto; }
svg.fairmap rect { stroke: #333; stroke-width: 1; }
svg.fairmap text { font: bold 11px sans-serif; fill: #111; pointer-events: none; }
svg.fairmap a:focus rect, svg.fairmap a:hover rect { stroke: var(--text); stroke-width: 4; }
svg.fairmap .hit rect { stroke: var(--bad); stroke-width: 5; }
svg.fairmap .dim { opacity: 0.3; }
.fair-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.5rem; align-items: start; }
@media (min-width: 60rem) { .fair-layout { grid-template-columns: minmax(0, 1fr) 22rem; } .fair-list { max-height: 90vh; overflow: auto; } }
.fair-search .field { display: inline-block; margin-right: 1rem; max-width: 100%; }
.fair-search select, .fair-search input { max-width: 100%; }
.exhibitor-cards { list-style: none; padding: 0; margin: 0 0 1rem; }
.exhibitor-cards li { border-bottom: 1px solid var(--line); padding: 0.5rem 0.25rem; overflow-wrap: anywhere; }
.exhibitor-cards li:target { background: var(--warn-bg); outline: 3px solid var(--warn); }
.floor img { width: 100%; max-width: 56rem; height: auto; border: 1px solid var(--line); background: #fff; }

/* booth page (organisers) */
.upload-forms { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.5rem; }
@media (min-width: 60rem) { .upload-forms { grid-template-columns: 1fr 1fr; } }
.upload h3 { margin-top: 0; }
textarea.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; width: 100%; }
input[type="file"] { max-width: 100%; }
.booth-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.5rem; align-items: start; }
@media (min-width: 60rem) {
  .booth-layout { grid-template-columns: minmax(0, 1fr) 19rem; }
  .booth-layout > .map-col { grid-column: 1; grid-row: 1; }
  .booth-layout > .form-col { grid-column: 2; grid-row: 1; }
}
.booth-layout select { max-width: none; }
.boothmap-wrap { overflow: auto; max-height: 75vh; border: 1px solid var(--line); border-radius: 6px; background: #f7f9fb; padding: 0.5rem; margin: 0 0 0.5rem; }
.boothmap { --cell: 4.25rem; display: grid; width: max-content; }
.boothmap .booth {
  position: relative; display: flex; flex-direction: column; min-width: 0; margin: 2px; padding: 0.1rem 0.3rem;
  overflow: hidden; border: 2px dashed #6b7580; border-radius: 4px; background: #fff; color: var(--text);
  font-size: 0.72rem; line-height: 1.3; text-decoration: none;
}
.boothmap .booth.taken { border-style: solid; border-color: var(--brand); background: #dbe8f5; }
.boothmap .booth.pinned { border: 4px solid var(--text); }
.boothmap .booth .code { font-weight: 700; font-size: 0.8rem; }
.boothmap .booth .who { overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow-wrap: anywhere; }
.boothmap .booth.free .who { color: var(--muted); }
/* The pin is a corner flag (shape, not colour) with its word kept for screen readers. */
.boothmap .booth .pin { position: absolute; top: 0; right: 0; width: 0; height: 0; overflow: hidden; border-top: 14px solid var(--text); border-left: 14px solid transparent; color: transparent; font-size: 0; }
.boothmap a.booth:hover { background: #e8f0f8; }
.boothmap a.booth:visited { color: var(--text); }
.boothmap .booth[aria-current="true"] { background: var(--warn-bg); border: 4px solid var(--warn); }
.boothmap .booth.conflict { background: var(--bad-bg); border: 4px solid var(--bad); }
.boothmap .booth.changed { box-shadow: inset 0 0 0 3px var(--ok); }
.swatch.booth-free { background: #fff; border: 2px dashed #6b7580; }
.swatch.booth-taken { background: #dbe8f5; border: 2px solid var(--brand); }
.swatch.booth-pinned { background: #dbe8f5; border: 3px solid var(--text); }
.swatch.booth-selected { background: var(--warn-bg); border: 3px solid var(--warn); }
.swatch.booth-changed { background: #dbe8f5; border: 1px solid var(--brand); box-shadow: inset 0 0 0 3px var(--ok); }

/* programme */
.programme .session { border-left: 4px solid var(--brand); background: var(--panel); border-radius: 0 6px 6px 0; padding: 0.5rem 0.75rem; margin: 0 0 0.6rem; }
.programme .session h4 { margin: 0.1rem 0 0.2rem; font-size: 1rem; }
.programme .session .meta { margin: 0; }
.programme .talks { margin: 0.3rem 0 0; padding-left: 1.1rem; }
.programme .talks li { margin: 0 0 0.25rem; }
.programme .speakers { display: block; color: var(--muted); font-size: 0.9rem; }
.tt-grid { display: none; }
.tt-room-name { font-size: 0.95rem; margin: 0 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
@media (min-width: 48rem) {
  .tt-grid { display: grid; grid-template-columns: repeat(var(--rooms, 1), minmax(0, 1fr)); gap: 0 0.8rem; }
  .tt-list { display: none; }
}

/* registration desk and the 受付番号 */
.code, .code-big, .code-input { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; letter-spacing: 0.08em; font-variant-numeric: tabular-nums; }
td.code { font-weight: 700; white-space: nowrap; }
.code-big { font-size: 2rem; font-weight: 700; letter-spacing: 0.2em; margin: 0 0 0.5rem; }
.code-pair { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
.qr svg { display: block; width: 11rem; height: 11rem; max-width: 100%; }
.code-input { text-transform: uppercase; font-size: 1.2rem; }
.scan video { display: block; width: 100%; max-width: 24rem; border-radius: 6px; background: #000; }
.scan .actions { margin: 0.5rem 0 0; }
.walkin summary { cursor: pointer; }
.walkin summary h2 { display: inline; margin: 0; font-size: 1.15rem; }
tr.highlight { background: var(--warn-bg); }
tr.highlight > * { border-top: 2px solid var(--warn); border-bottom: 2px solid var(--warn); }

@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
@media print { header.site, .adminbar, nav, .actions, footer.site { display: none; } }
.tally, .row-answers { list-style: none; padding: 0; margin: 0.25rem 0 0; }
.row-answers { font-size: 0.9em; }
.question-row { padding: 1rem; }
.question-row .check { margin-right: 1.5rem; }
`;
