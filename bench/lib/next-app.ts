import { type ChildProcess, spawn } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onCleanup } from "./cleanup";
import { progress } from "./stats";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));

// Left out of the copy: generated output, other tools' state, and .env files,
// which would give the server settings the bench did not choose.
const NOT_COPIED = new Set([
  "node_modules",
  ".next",
  ".git",
  ".data",
  ".vercel",
  "bench",
  "test-results",
  "playwright-report",
]);
const BUILD_TIMEOUT_MS = 8 * 60 * 1000;
const START_TIMEOUT_MS = 90 * 1000;

// Hard links make the copy of node_modules (about 1 GB) take seconds. They
// need the same file system, so a temporary folder elsewhere is not used.
function chooseWorkRoot(): string {
  const temporary = os.tmpdir();
  if (statSync(temporary).dev === statSync(REPOSITORY).dev) return temporary;
  const inRepository = path.join(REPOSITORY, "bench", ".work");
  mkdirSync(inRepository, { recursive: true });

  return inRepository;
}

function linkTree(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      linkTree(from, to);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
    } else {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
}

function copyProject(target: string): void {
  for (const entry of readdirSync(REPOSITORY)) {
    if (NOT_COPIED.has(entry) || entry.startsWith(".env")) continue;
    cpSync(path.join(REPOSITORY, entry), path.join(target, entry), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  linkTree(path.join(REPOSITORY, "node_modules"), path.join(target, "node_modules"));
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

function runBuild(appDirectory: string, env: NodeJS.ProcessEnv): Promise<void> {
  const logFile = path.join(appDirectory, "next-build.log");
  const output = openSync(logFile, "w");

  return new Promise((resolve, reject) => {
    const child = spawn(path.join(appDirectory, "node_modules", ".bin", "next"), ["build"], {
      cwd: appDirectory,
      env,
      stdio: ["ignore", output, output],
      detached: true,
    });
    const stop = onCleanup(() => killGroup(child));
    const timer = setTimeout(() => void stop(), BUILD_TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      void stop();
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `next build failed (${signal ?? `exit code ${code}`}). Its last lines:\n${tail(logFile)}`,
          ),
        );
    });
  });
}

/**
 * Makes a production build of the current sources in a copy of the project,
 * so that a `.next` folder in the repository is never replaced under a running
 * server. With `keepIn`, the copy stays there and an existing build is reused.
 * Returns the copy's directory.
 */
export async function prepareBuild(env: NodeJS.ProcessEnv, keepIn: string | null): Promise<string> {
  if (keepIn && existsSync(path.join(keepIn, ".next", "BUILD_ID"))) {
    progress(`pages: reusing the build in ${keepIn} (delete it to build again)`);
    return keepIn;
  }

  if (keepIn && existsSync(keepIn)) {
    throw new Error(
      `BENCH_BUILD_DIR ${keepIn} exists but contains no finished build; delete it and run again.`,
    );
  }
  const appDirectory = keepIn ?? mkdtempSync(path.join(chooseWorkRoot(), "insightprose-bench-app-"));
  if (!keepIn) onCleanup(() => rmSync(appDirectory, { recursive: true, force: true }));
  progress(`pages: copying the project to ${appDirectory}`);
  copyProject(appDirectory);
  progress("pages: next build (about a minute on two cores)");
  await runBuild(appDirectory, env);

  return appDirectory;
}

/** Returns a TCP port that was free on loopback a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// The server runs in its own process group, so this ends Next.js's workers too.
function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return Promise.resolve();
  }
  const timeout = new Promise<void>((resolve) =>
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      resolve();
    }, 10_000),
  );

  return Promise.race([exited, timeout]);
}

export interface RunningApp {
  origin: string;
  stop(): Promise<void>;
}

async function waitForHealth(origin: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next start exited with code ${child.exitCode}. Its last lines:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  throw new Error(
    `next start did not respond to /api/health within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`,
  );
}

/** Starts `next start` on localhost and resolves once /api/health returns 200. */
export async function startApp(appDirectory: string, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const port = await findFreePort();
  const origin = `http://localhost:${port}`;
  const logFile = path.join(appDirectory, "next-start.log");
  const output = openSync(logFile, "w");
  const child = spawn(
    path.join(appDirectory, "node_modules", ".bin", "next"),
    ["start", "-H", "localhost", "-p", String(port)],
    {
      cwd: appDirectory,
      env: { ...env, AUTH_URL: origin, AUTH_TRUST_HOST: "true" },
      stdio: ["ignore", output, output],
      detached: true,
    },
  );
  const stop = onCleanup(() => killGroup(child));
  await waitForHealth(origin, child, logFile);

  return { origin, stop };
}
