// `npm run dev`: the Next.js dev server plus what the embedded defaults need
// beside it: the X sandbox when no X app is configured, and the Inngest dev
// server (background publishing) when INNGEST_DEV is on.
// Extra arguments are passed to `next dev` (for example `npm run dev -- -p 3001`).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import nextEnvFiles from "@next/env";

const bin = (name) => path.join("node_modules", ".bin", name);
const children = [];

function start(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("error", (error) => console.error(`[dev] ${name} could not start: ${error.message}`));
  children.push(child);
  return child;
}

function stopAll(code) {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    // Detached children lead their own process group: npx starts the Inngest binary as a grandchild.
    if (child.spawnargs.includes("inngest-cli@latest")) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    } else {
      child.kill("SIGTERM");
    }
  }
  process.exit(code);
}

const INNGEST_DEV_URL = "http://127.0.0.1:8288";
// npx downloads inngest-cli and its binary on first use, which takes a while on a slow network.
const INNGEST_START_DEADLINE_MS = 60_000;

async function isInngestUp() {
  try {
    await fetch(INNGEST_DEV_URL, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** Starts `inngest-cli dev` through npx; never blocks the app and reports the outcome in one line. */
async function startInngestDevServer(appPort) {
  if (await isInngestUp()) {
    console.info(`[dev] Using the Inngest dev server already running on ${INNGEST_DEV_URL}.`);
    return;
  }

  const child = spawn(
    "npx",
    ["--yes", "inngest-cli@latest", "dev", "--no-discovery", "-u", `http://localhost:${appPort}/api/inngest`],
    {
      stdio: "ignore",
      detached: true,
      env: { ...process.env, npm_config_fetch_retries: "0", npm_config_fetch_timeout: "20000" },
    },
  );
  children.push(child);
  let hasExited = false;
  child.on("error", () => (hasExited = true));
  child.on("exit", () => (hasExited = true));

  const deadline = Date.now() + INNGEST_START_DEADLINE_MS;
  while (Date.now() < deadline && !hasExited) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (await isInngestUp()) {
      console.info(`[dev] Inngest dev server on ${INNGEST_DEV_URL}: background publishing is on.`);
      return;
    }
  }

  if (!hasExited) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  console.warn(
    `[dev] Background publishing is offline: the Inngest dev server could not start, so scheduled threads wait. Run \`npx inngest-cli@latest dev -u http://localhost:${appPort}/api/inngest\` yourself to start it.`,
  );
}

process.env.INNGEST_DEV ??= "1";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// Reads .env.local and friends as `next dev` will, so the choices below see the same settings.
nextEnvFiles.loadEnvConfig(process.cwd(), true);

const portFlag = process.argv.findIndex((arg) => arg === "-p" || arg === "--port");
const appPort = portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? "3000");
/** Variables the Next.js dev server gets on top of this process's environment. */
const nextEnv = {};

if (!process.env.AUTH_TWITTER_ID && !process.env.X_SANDBOX_URL) {
  if (existsSync("sandbox/main.ts")) {
    const sandboxPort = process.env.X_SANDBOX_PORT ?? "4010";
    const sandboxUrl = `http://localhost:${sandboxPort}`;
    // The app reaches the sandbox there, and the sandbox accepts this app's callback URL.
    nextEnv.X_SANDBOX_URL = sandboxUrl;
    console.info(`[dev] No AUTH_TWITTER_ID set: starting the X sandbox on ${sandboxUrl}.`);
    const sandbox = start("X sandbox", bin("tsx"), ["sandbox/main.ts"], {
      X_SANDBOX_PORT: sandboxPort,
      X_SANDBOX_STATE_FILE: process.env.X_SANDBOX_STATE_FILE ?? ".data/x-sandbox.json",
      X_SANDBOX_REDIRECT_URIS:
        process.env.X_SANDBOX_REDIRECT_URIS ?? `http://localhost:${appPort}/api/auth/callback/twitter`,
    });
    sandbox.on("exit", (code) => {
      if (code)
        console.error(`[dev] The X sandbox stopped (exit ${code}); sign-in will fail until it runs again.`);
    });
  }
}

const next = start("next dev", bin("next"), ["dev", ...process.argv.slice(2)], nextEnv);
next.on("exit", (code) => stopAll(code ?? 0));

const isInngestDev = !["", "0", "false"].includes(process.env.INNGEST_DEV.trim());
if (isInngestDev) {
  void startInngestDevServer(appPort);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => stopAll(0));
}
