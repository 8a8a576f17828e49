import { z } from "zod";
import { parseTokenKeys, TokenKeyError } from "@/lib/crypto/token-keys";

// The one place that reads process.env. Every other module calls getConfig().
// Values are parsed on the first call, not at import, so that `next build`
// can import modules without a production environment.

export type AppEnv = "development" | "test" | "production";

const DEVELOPMENT_AUTH_SECRET = "insightprose-development-secret-do-not-use-in-production";
// A fixed 32-byte key (base64) so that development data stays readable across restarts.
const DEVELOPMENT_TOKEN_KEY = Buffer.from("insightprose-dev-token-key-32by!").toString("base64");
const DEFAULT_SANDBOX_URL = "http://localhost:4010";

const HOW_TO_SET =
  "Set it in the environment (for example in .env.local or your host's project settings); .env.example lists every variable.";

// Purpose of each variable, quoted in the message when its value is invalid.
const VARIABLE_PURPOSES: Record<string, string> = {
  APP_ENV: "development, test or production; overrides NODE_ENV",
  DATABASE_URL: "the PostgreSQL connection string, postgres://user:password@host:5432/database",
  DATABASE_POOL_MAX: "connections per server instance, 1 to 100",
  DATABASE_TRANSACTION_POOLER: "true when DATABASE_URL goes through a transaction pooler such as PgBouncer",
  AUTH_SECRET: "the secret that signs sessions, at least 32 random characters",
  AUTH_URL: "the app's public origin, such as https://insightprose.example.com",
  X_SANDBOX_URL: "the X sandbox's address, for development and tests",
  X_API_TIER: "your X API access tier: free, basic, pro or pay-per-use",
  X_USER_POST_LIMIT: "posts one user may make in X's window, a whole number",
  X_APP_POST_LIMIT: "posts the whole app may make in X's window, a whole number",
  INNGEST_BASE_URL: "the address of a self-hosted Inngest server",
  PUBLISH_PACING_SECONDS: "seconds between two posts of a thread, 0 to 120",
  ARTICLE_FETCH_ALLOW_LOOPBACK: "true or false; for tests only",
  AI_WRITER_BASE_URL: "the OpenAI-compatible endpoint of the language-model writer",
  LOG_LEVEL: "fatal, error, warn, info, debug, trace or silent",
};

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const environmentSchema = z.object({
  APP_ENV: z.enum(["development", "test", "production"]).optional(),
  NODE_ENV: optionalString,
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  DATABASE_TRANSACTION_POOLER: z.enum(["true", "false", "1", "0"]).optional(),
  PGLITE_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  AUTH_URL: optionalString.pipe(z.url().optional()),
  TOKEN_ENCRYPTION_KEY: optionalString,
  AUTH_TWITTER_ID: optionalString,
  AUTH_TWITTER_SECRET: optionalString,
  X_SANDBOX_URL: optionalString.pipe(z.url().optional()),
  X_API_TIER: z.enum(["free", "basic", "pro", "pay-per-use"]).optional(),
  X_USER_POST_LIMIT: z.coerce.number().int().min(1).optional(),
  X_APP_POST_LIMIT: z.coerce.number().int().min(1).optional(),
  INNGEST_DEV: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
  PUBLISH_PACING_SECONDS: z.coerce.number().min(0).max(120).optional(),
  ARTICLE_FETCH_ALLOW_LOOPBACK: z.enum(["true", "false", "1", "0"]).optional(),
  AI_WRITER_BASE_URL: optionalString.pipe(z.url().optional()),
  AI_WRITER_API_KEY: optionalString,
  AI_WRITER_MODEL: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

export interface Config {
  appEnv: AppEnv;
  database:
    | { kind: "postgres"; url: string; poolMax: number; transactionPooler: boolean }
    | { kind: "pglite"; dataDir: string };
  authSecret: string;
  authUrl: string | undefined;
  tokenEncryptionKeys: string;
  x:
    | { kind: "x"; clientId: string; clientSecret: string | undefined }
    | { kind: "sandbox"; url: string; clientId: string; clientSecret: string };
  xApiTier: "free" | "basic" | "pro" | "pay-per-use";
  /** Operator overrides of the tier's posting limits; undefined keeps the tier default. */
  xPostLimits: { user: number | undefined; app: number | undefined };
  inngest: {
    isDev: boolean;
    signingKey: string | undefined;
    eventKey: string | undefined;
    baseUrl: string | undefined;
  };
  /** Seconds between two posts of one thread: X sometimes rejects a reply to a post created a moment earlier. */
  publishPacingSeconds: number;
  /** Lets article import fetch loopback addresses; for tests, rejected in production. */
  articleFetchAllowLoopback: boolean;
  /** The OpenAI-compatible endpoint of the optional language-model writer; null keeps distillation offline. */
  aiWriter: { baseUrl: string; apiKey: string | undefined; model: string } | null;
  logLevel: string;
  /** Names of the variables that fell back to development defaults. */
  defaultsUsed: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\n${HOW_TO_SET}`);
    this.name = "ConfigError";
  }
}

function resolveAppEnv(env: Record<string, string | undefined>): AppEnv {
  const explicit = env.APP_ENV?.trim();
  if (explicit === "development" || explicit === "test" || explicit === "production") return explicit;
  if (env.NODE_ENV === "production") return "production";
  if (env.NODE_ENV === "test") return "test";
  return "development";
}

/**
 * Lists settings that only development and tests may use: the X sandbox,
 * PGlite, and the secrets built into this file, which anyone can read.
 */
function findDevelopmentOnlySettings(values: z.infer<typeof environmentSchema>): string[] {
  const problems: string[] = [];
  if (values.X_SANDBOX_URL) {
    problems.push(
      "X_SANDBOX_URL must not be set in production: the X sandbox stands in for X in development and tests only. Unset it; production signs in with the X app in AUTH_TWITTER_ID.",
    );
  }
  if (values.PGLITE_DIR) {
    problems.push(
      "PGLITE_DIR must not be set in production: PGlite is the embedded development database. Unset it; production uses PostgreSQL at DATABASE_URL.",
    );
  }
  if (values.AUTH_SECRET === DEVELOPMENT_AUTH_SECRET) {
    problems.push(
      "AUTH_SECRET is the public development secret: sessions signed with it can be forged. Generate your own with `openssl rand -base64 33`.",
    );
  }
  if (values.TOKEN_ENCRYPTION_KEY?.split(",").some((entry) => entry.trim() === DEVELOPMENT_TOKEN_KEY)) {
    problems.push(
      "TOKEN_ENCRYPTION_KEY contains the public development key: X tokens encrypted with it are readable by anyone. Generate your own with `openssl rand -base64 32`.",
    );
  }

  return problems;
}

/** Parses and checks the environment; throws ConfigError naming every invalid variable. */
export function parseConfig(rawEnv: Record<string, string | undefined>): Config {
  // An empty line in .env.local (NAME=) means "not set", as for an unset variable.
  const env = Object.fromEntries(
    Object.entries(rawEnv).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const purpose = VARIABLE_PURPOSES[name];
        return `${name} is invalid: ${issue.message}.${purpose ? ` Expected ${purpose}.` : ""}`;
      }),
    );
  }

  const values = parsed.data;
  const appEnv = resolveAppEnv(env);
  const isProduction = appEnv === "production";
  const problems: string[] = [];
  const defaultsUsed: string[] = [];

  if (isProduction && !values.DATABASE_URL) {
    problems.push(
      "DATABASE_URL is missing: the PostgreSQL connection string, e.g. postgres://user:password@host:5432/insightprose.",
    );
  }
  if (isProduction && !values.AUTH_SECRET) {
    problems.push(
      "AUTH_SECRET is missing: a random secret of at least 32 characters that signs sessions (generate one with `openssl rand -base64 33`).",
    );
  }
  if (isProduction && !values.TOKEN_ENCRYPTION_KEY) {
    problems.push(
      "TOKEN_ENCRYPTION_KEY is missing: the key that encrypts X tokens at rest, 32 random bytes in base64 (`openssl rand -base64 32`).",
    );
  }
  if (isProduction && !values.AUTH_TWITTER_ID) {
    problems.push(
      "AUTH_TWITTER_ID is missing: the OAuth 2.0 client id of your X app; production never uses the X sandbox.",
    );
  }
  if (values.AUTH_TWITTER_ID && !values.AUTH_TWITTER_SECRET && isProduction) {
    problems.push(
      "AUTH_TWITTER_SECRET is missing: the OAuth 2.0 client secret of your X app (X apps of type 'Web App' are confidential clients).",
    );
  }
  const allowLoopback =
    values.ARTICLE_FETCH_ALLOW_LOOPBACK === "true" || values.ARTICLE_FETCH_ALLOW_LOOPBACK === "1";
  if (isProduction && allowLoopback) {
    problems.push(
      "ARTICLE_FETCH_ALLOW_LOOPBACK must not be set in production: it lets article import reach this server's own network.",
    );
  }
  const isInngestDev =
    values.INNGEST_DEV !== undefined && values.INNGEST_DEV !== "0" && values.INNGEST_DEV !== "false";
  if (isProduction && isInngestDev) {
    problems.push(
      "INNGEST_DEV must not be set in production: it lets anyone call /api/inngest unsigned. Set INNGEST_SIGNING_KEY instead.",
    );
  } else if (isProduction && !values.INNGEST_EVENT_KEY) {
    problems.push(
      "INNGEST_EVENT_KEY is missing: the event key of your Inngest app, which publishing needs to queue scheduled threads (the Vercel integration sets it).",
    );
  }
  if (isProduction && !isInngestDev && !values.INNGEST_SIGNING_KEY) {
    problems.push(
      "INNGEST_SIGNING_KEY is missing: the signing key of your Inngest app, so only Inngest can call /api/inngest (the Vercel integration sets it).",
    );
  }
  if (isProduction) problems.push(...findDevelopmentOnlySettings(values));
  if (values.AI_WRITER_BASE_URL && !values.AI_WRITER_MODEL) {
    problems.push(
      "AI_WRITER_MODEL is missing: the model name to use at AI_WRITER_BASE_URL, or unset AI_WRITER_BASE_URL to keep distillation offline.",
    );
  }
  if (values.TOKEN_ENCRYPTION_KEY) {
    try {
      parseTokenKeys(values.TOKEN_ENCRYPTION_KEY);
    } catch (error) {
      if (!(error instanceof TokenKeyError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  if (!values.DATABASE_URL) defaultsUsed.push("DATABASE_URL (PGlite)");
  if (!values.AUTH_SECRET) defaultsUsed.push("AUTH_SECRET");
  if (!values.TOKEN_ENCRYPTION_KEY) defaultsUsed.push("TOKEN_ENCRYPTION_KEY");
  if (!values.AUTH_TWITTER_ID) defaultsUsed.push("AUTH_TWITTER_ID (X sandbox)");

  const pooler = values.DATABASE_TRANSACTION_POOLER;
  const database: Config["database"] = values.DATABASE_URL
    ? {
        kind: "postgres",
        url: values.DATABASE_URL,
        poolMax: values.DATABASE_POOL_MAX ?? (isProduction ? 5 : 10),
        transactionPooler: pooler === "true" || pooler === "1",
      }
    : { kind: "pglite", dataDir: values.PGLITE_DIR ?? ".data/pglite" };

  const x: Config["x"] = values.AUTH_TWITTER_ID
    ? { kind: "x", clientId: values.AUTH_TWITTER_ID, clientSecret: values.AUTH_TWITTER_SECRET }
    : {
        kind: "sandbox",
        url: values.X_SANDBOX_URL ?? DEFAULT_SANDBOX_URL,
        clientId: "insightprose-dev",
        clientSecret: "insightprose-dev-secret",
      };

  return {
    appEnv,
    database,
    authSecret: values.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    authUrl: values.AUTH_URL,
    tokenEncryptionKeys: values.TOKEN_ENCRYPTION_KEY ?? DEVELOPMENT_TOKEN_KEY,
    x,
    xApiTier: values.X_API_TIER ?? "basic",
    xPostLimits: { user: values.X_USER_POST_LIMIT, app: values.X_APP_POST_LIMIT },
    inngest: {
      isDev: isInngestDev,
      signingKey: values.INNGEST_SIGNING_KEY,
      eventKey: values.INNGEST_EVENT_KEY,
      baseUrl: values.INNGEST_BASE_URL,
    },
    publishPacingSeconds: values.PUBLISH_PACING_SECONDS ?? 3,
    articleFetchAllowLoopback: allowLoopback,
    aiWriter:
      values.AI_WRITER_BASE_URL && values.AI_WRITER_MODEL
        ? {
            baseUrl: values.AI_WRITER_BASE_URL,
            apiKey: values.AI_WRITER_API_KEY,
            model: values.AI_WRITER_MODEL,
          }
        : null,
    logLevel: values.LOG_LEVEL ?? (appEnv === "test" ? "warn" : "info"),
    defaultsUsed,
  };
}

const globalForConfig = globalThis as unknown as { insightproseConfig?: Config };

export function getConfig(): Config {
  if (!globalForConfig.insightproseConfig) {
    const config = parseConfig(process.env);
    globalForConfig.insightproseConfig = config;
    if (config.appEnv !== "production" && config.defaultsUsed.length > 0) {
      console.info(
        `InsightProse (APP_ENV=${config.appEnv}) is using development defaults for: ${config.defaultsUsed.join(", ")}.`,
      );
    }
  }

  return globalForConfig.insightproseConfig;
}

/** Forgets the parsed configuration so the next getConfig() reads process.env again. Tests only. */
export function resetConfigCache(): void {
  globalForConfig.insightproseConfig = undefined;
}
