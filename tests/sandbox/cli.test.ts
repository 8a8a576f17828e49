import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = waitForExit(child);
    child.kill("SIGTERM");
    await exited;
  }
  child = undefined;
});

function runCli(env: Record<string, string>): ChildProcess {
  const sandboxProcess = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = sandboxProcess;

  return sandboxProcess;
}

function collect(stream: NodeJS.ReadableStream | null): { text: () => string } {
  let text = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => (text += chunk));

  return { text: () => text };
}

function waitForExit(sandboxProcess: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => sandboxProcess.once("exit", (code) => resolve(code)));
}

function waitForLine(sandboxProcess: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    sandboxProcess.stdout?.setEncoding("utf8");
    sandboxProcess.stdout?.on("data", (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline >= 0) resolve(buffer.slice(0, newline));
    });
    sandboxProcess.once("exit", (code) => reject(new Error(`sandbox exited with ${code} before logging`)));
  });
}

describe("sandbox CLI", () => {
  it("logs its URL and serves it", async () => {
    const sandboxProcess = runCli({ X_SANDBOX_PORT: "0", X_SANDBOX_TIER: "pro" });
    const line = await waitForLine(sandboxProcess);
    const url = /(http:\/\/localhost:\d+)/.exec(line)?.[1];

    expect(line).toMatch(
      /^X sandbox listening on http:\/\/localhost:\d+ \(tier pro, client insightprose-dev, state in memory\)$/,
    );
    expect((await fetch(`${url}/_admin/tier`)).status).toBe(200);
    expect(((await (await fetch(`${url}/_admin/tier`)).json()) as { tier: string }).tier).toBe("pro");
  });

  it("refuses to start in production", async () => {
    const sandboxProcess = runCli({ NODE_ENV: "production", X_SANDBOX_PORT: "0" });
    const stderr = collect(sandboxProcess.stderr);
    const code = await waitForExit(sandboxProcess);

    expect(code).toBe(1);
    expect(stderr.text().trim()).toBe(
      "The X sandbox does not run when NODE_ENV=production; configure real X credentials (AUTH_TWITTER_ID and AUTH_TWITTER_SECRET) instead.",
    );
  });

  it("names an invalid variable", async () => {
    const sandboxProcess = runCli({ X_SANDBOX_PORT: "0", X_SANDBOX_CLIENT_TYPE: "secretive" });
    const stderr = collect(sandboxProcess.stderr);

    expect(await waitForExit(sandboxProcess)).toBe(1);
    expect(stderr.text()).toContain("X_SANDBOX_CLIENT_TYPE");
  });

  it("reads redirect URIs from the environment", async () => {
    const sandboxProcess = runCli({
      X_SANDBOX_PORT: "0",
      X_SANDBOX_REDIRECT_URIS: "http://localhost:3000/a, http://localhost:3000/b",
    });
    const url = /(http:\/\/localhost:\d+)/.exec(await waitForLine(sandboxProcess))?.[1];
    const clients = (await (await fetch(`${url}/_admin/clients`)).json()) as {
      data: Array<{ redirect_uris: string[] }>;
    };

    expect(clients.data[0]?.redirect_uris).toEqual(["http://localhost:3000/a", "http://localhost:3000/b"]);
  });
});
