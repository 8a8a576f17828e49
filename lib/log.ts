import pino, { type Logger } from "pino";
import { getConfig } from "@/lib/config";

// Paths pino blanks out wherever they appear in a log object.
const REDACTED_PATHS = [
  "access_token",
  "refresh_token",
  "id_token",
  "accessToken",
  "refreshToken",
  "token",
  "secret",
  "password",
  "cookie",
  "authorization",
  "*.access_token",
  "*.refresh_token",
  "*.id_token",
  "*.accessToken",
  "*.refreshToken",
  "*.token",
  "*.secret",
  "*.cookie",
  "*.authorization",
  "headers.cookie",
  "headers.authorization",
];

const globalForLog = globalThis as unknown as { insightproseLogger?: Logger };

function createLogger(): Logger {
  const config = getConfig();
  return pino({
    level: config.logLevel,
    base: { app: "insightprose" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  });
}

export function getLogger(): Logger {
  globalForLog.insightproseLogger ??= createLogger();
  return globalForLog.insightproseLogger;
}
