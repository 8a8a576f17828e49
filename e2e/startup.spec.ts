import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

const REQUIRED = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "TOKEN_ENCRYPTION_KEY",
  "AUTH_TWITTER_ID",
  "INNGEST_EVENT_KEY",
  "INNGEST_SIGNING_KEY",
] as const;

const productionEnv: Record<string, string> = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres",
  AUTH_SECRET: "s".repeat(40),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  AUTH_TWITTER_ID: "client-id",
  AUTH_TWITTER_SECRET: "client-secret",
  INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef",
  INNGEST_EVENT_KEY: "event-key-0123456789abcdef",
};

/** Starts the built app with `next start` and collects what it prints until it exits or 20 s pass. */
function startProduction(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const inherited = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-H", "localhost", "-p", "3199"], {
    env: { ...inherited, NODE_ENV: "production", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));

  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

for (const name of REQUIRED) {
  test(`production start without ${name} names it and exits`, async () => {
    const env = { ...productionEnv };
    delete env[name];

    const { code, output } = await startProduction(env);

    expect(code).toBe(1);
    expect(output).toContain(`${name} is missing`);
  });
}
