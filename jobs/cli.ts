/** `npm run job -- <name> [--now <ISO>]`: runs one job as of an instant, from a shell. */
import { parseConfig } from "../api/config.ts";
import { fixedClock, systemClock } from "../api/lib/clock.ts";
import { logError } from "../api/lib/log.ts";
import { resolveSealer } from "../api/lib/secret.ts";
import { openDatabase } from "../db/open.ts";
import { seedDatabase } from "../db/seed/seed.ts";
import { buildMailer } from "../api/mail/node-mailer.ts";
import { isJobName, JOB_NAMES, runJob } from "./registry.ts";

const [name, ...rest] = process.argv.slice(2);
const nowIdx = rest.indexOf("--now");
const nowArg = nowIdx >= 0 ? rest[nowIdx + 1] : undefined;
if (!name || !isJobName(name) || (nowArg !== undefined && Number.isNaN(Date.parse(nowArg)))) {
  console.error(`usage: npm run job -- <${JOB_NAMES.join("|")}> [--now 2027-04-01T09:00:00+09:00]`);
  process.exit(2);
}
const config = parseConfig(process.env);
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await seedDatabase(database.db);
const clock = nowArg ? fixedClock(nowArg) : systemClock;
const deps = {
  db: database.db,
  clock,
  config,
  sealer: await resolveSealer(database.db, config.SECRET_KEY),
  mailer: await buildMailer(config),
};
try {
  console.log(JSON.stringify(await runJob(deps, name, clock.now()), null, 2));
} catch (e) {
  // Described, not printed whole: a failed query's error carries its parameters.
  logError(`job ${name} failed:`, e);
  process.exitCode = 1;
} finally {
  await database.close();
}
