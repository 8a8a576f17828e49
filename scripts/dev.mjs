// `npm run dev`: the Next.js dev server plus what the embedded defaults need
// beside it: the X sandbox when no X app is configured.
// Extra arguments are passed to `next dev` (for example `npm run dev -- -p 3001`).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

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
    if (child.exitCode === null) child.kill("SIGTERM");
  }
  process.exit(code);
}

process.env.INNGEST_DEV ??= "1";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

if (!process.env.AUTH_TWITTER_ID && !process.env.X_SANDBOX_URL) {
  if (existsSync("sandbox/main.ts")) {
    console.info("[dev] No AUTH_TWITTER_ID set: starting the X sandbox on http://localhost:4010.");
    const sandbox = start("X sandbox", bin("tsx"), ["sandbox/main.ts"], {
      X_SANDBOX_STATE_FILE: process.env.X_SANDBOX_STATE_FILE ?? ".data/x-sandbox.json",
    });
    sandbox.on("exit", (code) => {
      if (code)
        console.error(`[dev] The X sandbox stopped (exit ${code}); sign-in will fail until it runs again.`);
    });
  }
}

const next = start("next dev", bin("next"), ["dev", ...process.argv.slice(2)]);
next.on("exit", (code) => stopAll(code ?? 0));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => stopAll(0));
}
