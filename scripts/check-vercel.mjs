// Builds the app as Vercel would, offline, and checks the output.
//
// `vercel build` (CLI 50; later versions fail here) runs vercel.json's
// buildCommand, so the migrations run too, on PGlite in memory. It needs the
// project settings that `vercel pull` would fetch, so this script writes
// .vercel/project.json itself (and puts back one that `vercel link` wrote).
//
// The CLI looks up the logged-in user at api.vercel.com on every command, even
// when no user is logged in. So the build runs in a network namespace of its own
// that has only a loopback interface, made with Linux `unshare` (as root, or
// with user namespaces).
// Elsewhere, CHECK_VERCEL_ALLOW_NETWORK=1 runs it without one.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const VERCEL_CLI = "vercel@50";
const PROJECT_FILE = path.join(".vercel", "project.json");
const OUTPUT_DIR = path.join(".vercel", "output");
const FUNCTIONS_DIR = path.join(OUTPUT_DIR, "functions");

// Each route that must become a Vercel Function, with the source file it comes from.
const REQUIRED_FUNCTIONS = [
  { route: "/", source: "app/page.tsx" },
  { route: "/signin", source: "app/signin/page.tsx" },
  { route: "/dashboard", source: "app/(app)/dashboard/page.tsx" },
  { route: "/api/auth/[...nextauth]", source: "app/api/auth/[...nextauth]/route.ts" },
  { route: "/api/health", source: "app/api/health/route.ts" },
  { route: "/api/inngest", source: "app/api/inngest/route.ts" },
];

// Settings as `vercel pull` stores them for a Next.js project; null keeps Vercel's default.
const PROJECT_SETTINGS = {
  projectId: "prj_insightprose_offline_check",
  orgId: "team_insightprose_offline_check",
  settings: {
    framework: "nextjs",
    nodeVersion: "20.x",
    buildCommand: null,
    // An empty command skips the install step: the check builds with the node_modules already here.
    installCommand: "",
    outputDirectory: null,
    rootDirectory: null,
    devCommand: null,
    commandForIgnoringBuildStep: null,
  },
};

function fail(message) {
  console.error(`\ncheck:vercel failed: ${message}`);
  process.exit(1);
}

/** Returns the command prefix that runs a program without network access, or null where that is impossible. */
function isolationPrefix() {
  const probe = spawnSync("unshare", ["--net", "--map-root-user", "ip", "link", "set", "lo", "up"], {
    stdio: "ignore",
  });
  if (probe.status !== 0) return null;

  // The new namespace's loopback starts down; Next.js's build workers talk over it.
  return ["unshare", "--net", "--map-root-user", "sh", "-c", 'ip link set lo up && exec "$0" "$@"'];
}

/** Runs a command, echoing its output, and resolves with the exit code and what it printed. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
        process.stdout.write(chunk);
      });
    }
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Route paths of every function in the build output, e.g. "/api/health" for api/health.func. */
function listFunctionRoutes(directory, prefix = "") {
  const routes = [];
  for (const entry of readdirSync(directory)) {
    const fullPath = path.join(directory, entry);
    if (!statSync(fullPath).isDirectory()) continue;
    if (entry.endsWith(".func")) {
      routes.push(`${prefix}/${entry.slice(0, -".func".length)}`);
    } else {
      routes.push(...listFunctionRoutes(fullPath, `${prefix}/${entry}`));
    }
  }

  return routes;
}

function hasFunction(routes, route) {
  const name = route === "/" ? "/index" : route;

  return routes.includes(name) || routes.includes(`${name}.rsc`);
}

const existingProject = existsSync(PROJECT_FILE) ? readFileSync(PROJECT_FILE, "utf8") : null;
mkdirSync(".vercel", { recursive: true });
writeFileSync(PROJECT_FILE, `${JSON.stringify(PROJECT_SETTINGS, null, 2)}\n`);
rmSync(OUTPUT_DIR, { recursive: true, force: true });

const isolation = isolationPrefix();
if (!isolation && process.env.CHECK_VERCEL_ALLOW_NETWORK !== "1") {
  fail(
    "`unshare --net` is not available, so the Vercel CLI could reach api.vercel.com. " +
      "Run this on Linux as root or with user namespaces, or set CHECK_VERCEL_ALLOW_NETWORK=1 to allow it.",
  );
}

// npx fetches the CLI from the npm registry once; the build itself then runs offline.
const cli = execFileSync("npx", ["--yes", "-p", VERCEL_CLI, "-c", "command -v vercel"], {
  encoding: "utf8",
}).trim();

const env = { ...process.env };
delete env.DATABASE_URL;
Object.assign(env, {
  VERCEL_TELEMETRY_DISABLED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  NO_UPDATE_NOTIFIER: "1",
  // The build runs on the embedded defaults: no secret is needed to build, only to run.
  APP_ENV: "test",
  PGLITE_DIR: "memory://",
});
const command = [...(isolation ?? []), process.execPath, cli, "build", "--yes"];
console.info(
  `Running \`vercel build\` (${VERCEL_CLI}) ${isolation ? "without network access" : "WITH network access"}, ` +
    `with the project settings in ${PROJECT_FILE}.`,
);
const build = await run(command[0], command.slice(1), env);

if (existingProject === null) rmSync(PROJECT_FILE);
else writeFileSync(PROJECT_FILE, existingProject);

if (build.code !== 0) fail(`\`vercel build\` exited with ${build.code}; its output is above.`);
if (!build.output.includes("Migrations applied")) {
  fail(
    "the build did not run `npm run db:migrate`; vercel.json's buildCommand must run it before `next build`.",
  );
}
if (!existsSync(path.join(OUTPUT_DIR, "config.json"))) fail(`${OUTPUT_DIR}/config.json is missing.`);

const routes = listFunctionRoutes(FUNCTIONS_DIR);
const problems = [];
for (const { route, source } of REQUIRED_FUNCTIONS) {
  if (hasFunction(routes, route)) continue;
  problems.push(
    existsSync(source)
      ? `${route}: ${source} exists, but the build output has no function for it.`
      : `${route}: ${source} does not exist yet, so there is no function for it.`,
  );
}

// Vercel ends a function at its maxDuration, so Inngest's checkpointing must hand over before that.
const inngestConfig = path.join(FUNCTIONS_DIR, "api", "inngest.func", ".vc-config.json");
if (existsSync(inngestConfig)) {
  const { maxDuration } = JSON.parse(readFileSync(inngestConfig, "utf8"));
  if (typeof maxDuration === "number") console.info(`/api/inngest runs for at most ${maxDuration} s.`);
  else problems.push("/api/inngest: the route exports no maxDuration, so Vercel's default limit applies.");
}

console.info(`\nFunctions in ${FUNCTIONS_DIR}:\n${routes.map((route) => `  ${route}`).join("\n")}`);
if (problems.length > 0)
  fail(`missing functions:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
console.info(
  `\ncheck:vercel passed: ${REQUIRED_FUNCTIONS.map(({ route }) => route).join(", ")} are Vercel Functions.`,
);
