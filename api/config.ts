import { z } from "zod";

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** "<count>/<seconds>", a window of at most a day (counters older than that are deleted). */
const limitSpec = (example: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, `must look like "${example}" (count/seconds)`)
    .refine((v) => {
      const seconds = Number(v.split("/")[1]);
      return seconds >= 1 && seconds <= 86_400;
    }, "the window must be 1 to 86400 seconds")
    .default(example);

/**
 * What PUBLIC_URL is when unset: this machine on PORT, so that the links in e-mails and feeds of a
 * server started with another PORT still open. Then links in documents follow the address the
 * request came to (isDefaultPublicUrl).
 */
export const defaultPublicUrl = (port: number) => `http://localhost:${port}`;
export const DEFAULT_PUBLIC_URL = defaultPublicUrl(8787);
/** Whether this PUBLIC_URL is the default, not one the operator set. */
export const isDefaultPublicUrl = (config: { PORT: number; PUBLIC_URL: string }) =>
  config.PUBLIC_URL === defaultPublicUrl(config.PORT);

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || v === "memory://" || /^postgres(ql)?:\/\/.+/.test(v),
    "must be unset, memory:// or a postgres:// URL",
  ),
  DATA_DIR: z.string().min(1).default("./.data"),
  ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, "must be at least 16 characters"),
  PUBLIC_URL: z
    .string()
    .url()
    .default(DEFAULT_PUBLIC_URL)
    .transform((u) => u.replace(/\/+$/, "")),
  SECRET_KEY: optionalString.refine(
    (v) => v === undefined || v.length >= 32,
    "must be at least 32 characters (e.g. `openssl rand -base64 32`)",
  ),
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL"),
  MAIL_FROM: z.string().default("Cluster Events <no-reply@localhost>"),
  JOBS: z.enum(["on", "off"]).default("on"),
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /**
   * Where the client's address comes from: the socket (`off`, the default on Node), Cloudflare's
   * CF-Connecting-IP (`cloudflare`, the default on the Worker), or the right-most X-Forwarded-For.
   */
  TRUST_PROXY: z.enum(["off", "cloudflare", "x-forwarded-for"], {
    error: 'must be "off", "cloudflare" or "x-forwarded-for"',
  }).default("off"),
  /** "<requests>/<seconds>", counted per client address and per e-mail address. */
  RATE_LIMIT_REGISTRATION: limitSpec("20/600"),
  /** "<failures>/<seconds>": failed logins, per client address and per account. */
  RATE_LIMIT_LOGIN: limitSpec("10/900"),
  /** PostgreSQL statement_timeout (and idle-in-transaction timeout) per connection, in ms. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** PostgreSQL on Node: connections in the pool (each takes its queries in order, pipelined). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** How long start-up keeps trying to reach the database before giving up, in seconds. */
  DB_CONNECT_TIMEOUT_S: z.coerce.number().int().min(0).max(3600).default(30),
  /** How long a SIGTERM/SIGINT waits for requests in flight and the running job, in ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/**
 * Turns process.env or a Worker's env into a typed config; a bad value names its variable.
 * `defaults` are the runtime's own defaults (the Worker trusts CF-Connecting-IP), below the env.
 */
export function parseConfig(env: Record<string, unknown>, defaults: Partial<Record<keyof Config, string>> = {}): Config {
  const picked: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (typeof value === "string" && value !== "") picked[key] = value;
  }
  const result = configSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (picked.PUBLIC_URL === undefined) result.data.PUBLIC_URL = defaultPublicUrl(result.data.PORT);
  return result.data;
}
