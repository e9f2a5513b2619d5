import type { Db } from "../db/client.ts";
import type { Config } from "./config.ts";
import type { DocsAssets } from "./docs/assets.ts";
import type { Clock } from "./lib/clock.ts";
import type { Sealer } from "./lib/tokens.ts";
import type { Mailer } from "./mail/transport.ts";

/** Everything a request, a job or a page needs; built by the runtime entries. */
export type AppDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  sealer: Sealer;
  /** null where no mail can be sent (a Worker without SMTP_URL): messages wait in the outbox. */
  mailer: Mailer | null;
  /** Swagger UI's files for /docs, from where the runtime keeps them; absent: /docs is 404. */
  docs?: DocsAssets;
  /** What the Node entry tells the app about the process; absent in tests and on the Worker. */
  runtime?: Runtime;
};

export type Runtime = {
  /** True once shutdown began: /readyz answers 503 so that load balancers stop sending. */
  draining(): boolean;
  /** A request still waiting after this long answers 503 (PostgreSQL: statement + connect timeouts). */
  requestDeadlineMs?: number;
  /** Called when a request hit the deadline: drop the database connections it may hang on. */
  onDeadline?(): void;
};

import type { Scopes } from "../db/schema/organisers.ts";

/** Who is calling. Administrators (ADMIN_TOKEN or an admin account) see everything. */
export type Actor =
  | { kind: "admin"; id: string; label: string; via: "admin-token" | "session" | "api-token" | "system" }
  | { kind: "organiser"; id: string; label: string; scopes: Scopes; via: "session" | "api-token" }
  | { kind: "anonymous" };

export type Staff = Exclude<Actor, { kind: "anonymous" }>;

/** Who is making this request (the actor, the request id, the instant), as verbs and the audit log take it. */
export type Who = { actor: Actor; requestId?: string; now: Date };

/**
 * What every verb receives first: the handles of this request and who makes it. `db` may be a
 * transaction (`{ ...ctx, db: tx }`); jobs build one with the system as `who`.
 */
export type Ctx = Pick<AppDeps, "db" | "clock" | "config" | "sealer" | "mailer"> & { who: Who };

export type AppEnv = {
  Variables: {
    requestId: string;
    actor: Actor;
    /** The request's context for verbs (api/lib/context.ts), set once the caller is identified. */
    ctx: Ctx;
    /** Present when the caller authenticated with a session cookie. */
    session?: { id: string; csrfToken: string };
  };
};
