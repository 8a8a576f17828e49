import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { APP_PORT, APP_URL, E2E_TOKEN_KEY, SANDBOX_PORT, SANDBOX_URL } from "./e2e/support/constants";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  throw new Error(
    `No Chromium found at ${chromiumPath}. Install Debian's package (apt-get install chromium) ` +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the tests again.",
  );
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs sandbox/main.ts",
      url: `${SANDBOX_URL}/_admin/clock`,
      env: {
        X_SANDBOX_PORT: String(SANDBOX_PORT),
        X_SANDBOX_REDIRECT_URIS: `${APP_URL}/api/auth/callback/twitter`,
        X_SANDBOX_TIER: "basic",
      },
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: "node e2e/support/serve-app.mjs",
      url: `${APP_URL}/api/health`,
      env: {
        E2E_APP_PORT: String(APP_PORT),
        X_SANDBOX_URL: SANDBOX_URL,
        TOKEN_ENCRYPTION_KEY: E2E_TOKEN_KEY,
        // Article import tests serve their pages from 127.0.0.1.
        ARTICLE_FETCH_ALLOW_LOOPBACK: "true",
        INNGEST_DEV: "1",
      },
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
