// Builds the app and serves it with `next start` for the end-to-end tests.
// E2E_SKIP_BUILD=1 reuses an existing .next build.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = process.env.E2E_APP_PORT ?? "3100";
const next = path.join("node_modules", ".bin", "next");

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync(next, ["build"], { stdio: "inherit", env: { ...process.env, APP_ENV: "test" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = {
  ...process.env,
  APP_ENV: "test",
  AUTH_URL: `http://localhost:${port}`,
  AUTH_TRUST_HOST: "true",
  ...(process.env.DATABASE_URL ? {} : { PGLITE_DIR: "memory://" }),
};
const server = spawn(next, ["start", "-H", "localhost", "-p", port], { stdio: "inherit", env });
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
