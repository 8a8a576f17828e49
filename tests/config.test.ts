import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const completeProduction = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app:secret@127.0.0.1:5432/insightprose",
  AUTH_SECRET: "a".repeat(40),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  AUTH_TWITTER_ID: "client-id",
  AUTH_TWITTER_SECRET: "client-secret",
  INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef",
  INNGEST_EVENT_KEY: "event-key-0123456789abcdef",
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseConfig", () => {
  it("accepts a complete production environment", () => {
    const config = parseConfig(completeProduction);

    expect(config.appEnv).toBe("production");
    expect(config.database.kind).toBe("postgres");
    expect(config.x.kind).toBe("x");
    expect(config.defaultsUsed).toEqual([]);
  });

  it.each([
    "DATABASE_URL",
    "AUTH_SECRET",
    "TOKEN_ENCRYPTION_KEY",
    "AUTH_TWITTER_ID",
    "INNGEST_EVENT_KEY",
    "INNGEST_SIGNING_KEY",
  ])("names missing %s in production", (name) => {
    const problems = problemsOf({ ...completeProduction, [name]: undefined });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} is missing`));
  });

  it("names a malformed DATABASE_URL", () => {
    const problems = problemsOf({ ...completeProduction, DATABASE_URL: "mysql://localhost/x" });

    expect(problems[0]).toMatch(/^DATABASE_URL is invalid/);
  });

  it("treats an empty variable as missing", () => {
    const problems = problemsOf({ ...completeProduction, AUTH_SECRET: "  " });

    expect(problems[0]).toMatch(/^AUTH_SECRET is missing/);
  });

  it("uses embedded defaults in development", () => {
    const config = parseConfig({ NODE_ENV: "development" });

    expect(config.appEnv).toBe("development");
    expect(config.database).toEqual({ kind: "pglite", dataDir: ".data/pglite" });
    expect(config.x).toMatchObject({ kind: "sandbox", url: "http://localhost:4010" });
    expect(config.defaultsUsed).toContain("AUTH_SECRET");
  });

  it("lets APP_ENV=test run a production build on defaults", () => {
    const config = parseConfig({ NODE_ENV: "production", APP_ENV: "test" });

    expect(config.appEnv).toBe("test");
    expect(config.database.kind).toBe("pglite");
  });

  it("turns off prepared statements behind a transaction pooler", () => {
    const config = parseConfig({ ...completeProduction, DATABASE_TRANSACTION_POOLER: "true" });

    expect(config.database).toMatchObject({ kind: "postgres", transactionPooler: true, poolMax: 5 });
  });
});

describe("parseConfig token keys", () => {
  it("names a TOKEN_ENCRYPTION_KEY of the wrong length", () => {
    const problems = problemsOf({ ...completeProduction, TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" });

    expect(problems[0]).toMatch(/^TOKEN_ENCRYPTION_KEY entry 1 is invalid/);
  });
});

describe("parseConfig production safety", () => {
  it("rejects loopback article fetching in production", () => {
    const problems = problemsOf({ ...completeProduction, ARTICLE_FETCH_ALLOW_LOOPBACK: "true" });

    expect(problems[0]).toMatch(/^ARTICLE_FETCH_ALLOW_LOOPBACK must not be set in production/);
  });

  it("allows loopback article fetching in tests", () => {
    expect(
      parseConfig({ APP_ENV: "test", ARTICLE_FETCH_ALLOW_LOOPBACK: "1" }).articleFetchAllowLoopback,
    ).toBe(true);
  });
});

describe("parseConfig production messages", () => {
  const development = parseConfig({ NODE_ENV: "development" });

  it("says what a malformed variable is for", () => {
    const problems = problemsOf({ ...completeProduction, DATABASE_POOL_MAX: "lots" });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^DATABASE_POOL_MAX is invalid: .*Expected connections per server instance, 1 to 100\.$/,
    );
  });

  it("names every missing variable at once", () => {
    const problems = problemsOf({ NODE_ENV: "production" });

    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "DATABASE_URL",
      "AUTH_SECRET",
      "TOKEN_ENCRYPTION_KEY",
      "AUTH_TWITTER_ID",
      "INNGEST_EVENT_KEY",
      "INNGEST_SIGNING_KEY",
    ]);
  });

  it("rejects the X sandbox in production", () => {
    const problems = problemsOf({ ...completeProduction, X_SANDBOX_URL: "http://localhost:4010" });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^X_SANDBOX_URL must not be set in production/);
  });

  it("rejects PGlite in production", () => {
    const problems = problemsOf({ ...completeProduction, PGLITE_DIR: ".data/pglite" });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PGLITE_DIR must not be set in production/);
  });

  it("rejects the development AUTH_SECRET in production", () => {
    const problems = problemsOf({ ...completeProduction, AUTH_SECRET: development.authSecret });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_SECRET is the public development secret/);
  });

  it("rejects the development token key in production", () => {
    const keys = `${completeProduction.TOKEN_ENCRYPTION_KEY},${development.tokenEncryptionKeys}`;
    const problems = problemsOf({ ...completeProduction, TOKEN_ENCRYPTION_KEY: keys });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TOKEN_ENCRYPTION_KEY contains the public development key/);
  });

  it("allows development settings in tests", () => {
    const config = parseConfig({
      NODE_ENV: "production",
      APP_ENV: "test",
      X_SANDBOX_URL: "http://localhost:4110",
      PGLITE_DIR: "memory://",
    });

    expect(config.x.kind).toBe("sandbox");
    expect(config.database.kind).toBe("pglite");
  });
});

describe("parseConfig Inngest in production", () => {
  it("rejects INNGEST_DEV in production", () => {
    const problems = problemsOf({ ...completeProduction, INNGEST_DEV: "1" });

    expect(problems).toContainEqual(expect.stringMatching(/^INNGEST_DEV must not be set in production/));
  });
});

describe("parseConfig empty lines", () => {
  it("treats every empty variable as unset", () => {
    const config = parseConfig({
      NODE_ENV: "development",
      APP_ENV: "",
      DATABASE_POOL_MAX: "",
      X_API_TIER: " ",
      LOG_LEVEL: "",
      PUBLISH_PACING_SECONDS: "",
      ARTICLE_FETCH_ALLOW_LOOPBACK: "",
    });

    expect(config.appEnv).toBe("development");
    expect(config.xApiTier).toBe("basic");
    expect(config.publishPacingSeconds).toBe(3);
  });
});
