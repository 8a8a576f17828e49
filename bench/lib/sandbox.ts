import { startSandbox, type Sandbox } from "../../sandbox/server";
import { onCleanup } from "./cleanup";

/** Starts the X sandbox on a free loopback port, quiet, and stops it at cleanup. */
export async function startBenchSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, log: () => {} });
  onCleanup(() => sandbox.close());

  return sandbox;
}

async function callAdmin<T>(sandbox: Sandbox, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`POST ${path} on the X sandbox failed with ${response.status}: ${await response.text()}`);

  return (await response.json()) as T;
}

export interface SandboxUser {
  xUserId: string;
  username: string;
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** Creates a fake X user and grants the app's client a token pair for it. */
export async function createSandboxUser(sandbox: Sandbox, username: string): Promise<SandboxUser> {
  const created = await callAdmin<{ data: { id: string } }>(sandbox, "/_admin/users", {
    name: `Bench ${username}`,
    username,
  });
  const tokens = await callAdmin<{ access_token: string; refresh_token: string; expires_in: number }>(
    sandbox,
    "/_admin/grant",
    { user_id: created.data.id },
  );

  return {
    xUserId: created.data.id,
    username,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresInSeconds: tokens.expires_in,
  };
}
