export const APP_PORT = 3100;
export const SANDBOX_PORT = 4110;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const SANDBOX_URL = `http://localhost:${SANDBOX_PORT}`;
// A fixed key for the app under test, so tests can decrypt what it stored.
export const E2E_TOKEN_KEY = Buffer.alloc(32, 42).toString("base64");
