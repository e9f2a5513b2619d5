/** The product's Node server for the benchmark: fresh database, seeded, rate limits and jobs off. */
import { serve } from "@hono/node-server";
import { createApp } from "../../api/app.ts";
import { parseConfig } from "../../api/config.ts";
import { systemClock } from "../../api/lib/clock.ts";
import { resolveSealer } from "../../api/lib/secret.ts";
import { openDatabase } from "../../db/open.ts";
import { seedDatabase } from "../../db/seed/seed.ts";

const config = parseConfig({ ...process.env, RATE_LIMITS: "off", JOBS: "off" });
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await seedDatabase(database.db);
const sealer = await resolveSealer(database.db, config.SECRET_KEY);
const app = createApp({ db: database.db, clock: systemClock, config, sealer, mailer: null });
serve({ fetch: app.fetch, port: config.PORT }, () => process.send?.("ready"));
process.on("SIGTERM", async () => {
  await database.close();
  process.exit(0);
});
