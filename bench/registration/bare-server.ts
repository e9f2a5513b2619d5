/**
 * The bare reference server: Hono + postgres.js (or PGlite), no validation, no mail, no tokens
 * beyond what the schema requires; a registration is one statement that locks the event row,
 * moves its counters and inserts the registration. Same schema as the product (migrated by the
 * bench beforehand for PostgreSQL, here for PGlite).
 *
 *   BARE_DATABASE=postgres://…   or   BARE_DATABASE=pglite:/some/dir      PORT=…
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

type Exec = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const target = process.env.BARE_DATABASE ?? "";
let exec: Exec;
if (target.startsWith("postgres")) {
  const postgres = (await import("postgres")).default;
  const sql = postgres(target, { max: 10, fetch_types: false, onnotice: () => {} });
  exec = (text, params) => sql.unsafe(text, params as never[], { prepare: true }) as never;
} else {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const { MIGRATIONS_FOLDER } = await import("../../db/open.ts");
  const pg = new PGlite(target.replace(/^pglite:/, ""));
  await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_FOLDER });
  exec = async (text, params) => (await pg.query<Record<string, unknown>>(text, params)).rows;
}

const REGISTER = `
  with cur as (
    select id, capacity, confirmed_count, waitlist_count, next_seq from events where id = $1 for update
  ), upd as (
    update events e set next_seq = cur.next_seq + 1,
      confirmed_count = cur.confirmed_count + (cur.capacity is null or cur.confirmed_count < cur.capacity)::int,
      waitlist_count = cur.waitlist_count + (cur.capacity is not null and cur.confirmed_count >= cur.capacity)::int
    from cur where e.id = cur.id
    returning e.id
  )
  insert into registrations (event_id, status, seq, name, name_kana, email, email_key, organization, sector,
    manage_token_hash, manage_token_sealed, confirmed_at)
  select cur.id, case when cur.capacity is null or cur.confirmed_count < cur.capacity then 'confirmed' else 'waitlisted' end,
    cur.next_seq, $2, $3, $4, lower($4), $5, $6, gen_random_uuid()::text, '', now()
  from cur join upd on upd.id = cur.id
  returning id, status, case when status = 'waitlisted' then (select waitlist_count + 1 from cur) end as position`;

const app = new Hono();
app.get("/healthz", (c) => c.text("ok"));
app.post("/events/:id/registrations", async (c) => {
  const b = await c.req.json<{ name: string; nameKana?: string; email: string; organization: string; sector: string }>();
  const [row] = await exec(REGISTER, [c.req.param("id"), b.name, b.nameKana ?? null, b.email, b.organization, b.sector]);
  if (!row) return c.json({ error: "no such event" }, 404);
  return c.json(
    {
      id: row.id,
      status: row.status,
      ...(row.position == null ? {} : { waitlistPosition: Number(row.position) }),
    },
    201,
  );
});
/** Setup and check, outside the measured load. */
app.post("/events", async (c) => {
  const { capacity } = await c.req.json<{ capacity: number }>();
  const [row] = await exec(
    `insert into events (kind, title_ja, status, starts_at, ends_at, fiscal_year, capacity)
     values ('forum', 'bare', 'scheduled', '2099-06-12T05:00:00Z', '2099-06-12T08:00:00Z', 2099, $1) returning id`,
    [capacity],
  );
  return c.json({ id: row!.id }, 201);
});
app.get("/events/:id", async (c) => {
  const [row] = await exec("select confirmed_count from events where id = $1", [c.req.param("id")]);
  return c.json({ confirmedCount: Number(row!.confirmed_count) });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT) }, (info) => console.log(`bare server on ${info.port}`));
// A normal exit on SIGTERM, so that `--cpu-prof` (BENCH_PROFILE) writes its profile.
process.on("SIGTERM", () => process.exit(0));
