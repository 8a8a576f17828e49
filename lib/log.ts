import { createRequire } from "node:module";
import path from "node:path";
import pino, { type DestinationStream, type Logger } from "pino";
import { getConfig } from "@/lib/config";
import { redactLogObject, scrubSecrets } from "@/lib/security/redaction";

// The app's one logger: JSON lines on stdout in production and tests,
// pino-pretty in development. Every log object is redacted (see
// lib/security/redaction.ts) before it is written.

const globalForLog = globalThis as unknown as { insightproseLogger?: Logger };

/**
 * Opens pino-pretty as a synchronous stream in this process. A worker
 * transport would not survive Next.js bundling. pino-pretty is a
 * devDependency, loaded at run time so that production bundles never trace it.
 */
function openPrettyStream(): DestinationStream | undefined {
  try {
    const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));
    const pretty = requireFromProject("pino-pretty") as (
      options: Record<string, unknown>,
    ) => DestinationStream;

    return pretty({ sync: true, colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app" });
  } catch {
    return undefined;
  }
}

/** Creates a logger with the app's level, redaction and format; `destination` defaults to stdout. */
export function createLogger(destination?: DestinationStream): Logger {
  const config = getConfig();
  const stream = destination ?? (config.appEnv === "development" ? openPrettyStream() : undefined);

  return pino(
    {
      level: config.logLevel,
      base: { app: "insightprose" },
      formatters: { log: redactLogObject },
      // redactLogObject has already serialized every Error, wherever it sat.
      serializers: { err: (value: unknown) => value },
      hooks: { streamWrite: scrubSecrets },
    },
    stream ?? pino.destination({ dest: 1, sync: true }),
  );
}

export function getLogger(): Logger {
  globalForLog.insightproseLogger ??= createLogger();
  return globalForLog.insightproseLogger;
}

/** Sends every later getLogger() call's output to `destination`, or back to stdout with undefined. Tests only. */
export function setLogDestination(destination: DestinationStream | undefined): void {
  globalForLog.insightproseLogger = destination ? createLogger(destination) : undefined;
}
