/** `npm run db:migrate`: applies the migrations and the seed data to DATABASE_URL (e.g. before deploying the Worker). */
import { parseConfig } from "../config.ts";
import { openDatabase } from "../../db/open.ts";
import { seedDatabase } from "../../db/seed/seed.ts";

const config = parseConfig(process.env);
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
const { inserted } = await seedDatabase(database.db);
console.log(`migrated; ${inserted} seed rows added`);
await database.close();
