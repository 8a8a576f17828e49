import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

export const APP_PORT = 3100;
export const SANDBOX_PORT = 4110;

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
    baseURL: `http://localhost:${APP_PORT}`,
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: "node e2e/support/serve-app.mjs",
      url: `http://localhost:${APP_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
