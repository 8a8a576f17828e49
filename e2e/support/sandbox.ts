import { SANDBOX_URL } from "./constants";

export interface SandboxToken {
  token: string;
  kind: "access" | "refresh";
  status: string;
  user_id: string;
  issued_at: string;
}

export interface SandboxUser {
  id: string;
  name: string;
  username: string;
}

async function admin<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}${path}`, init);
  if (!response.ok) throw new Error(`Sandbox ${path} answered ${response.status}: ${await response.text()}`);

  return (await response.json()) as T;
}

export async function listSandboxTokens(): Promise<SandboxToken[]> {
  return (await admin<{ data: SandboxToken[] }>("/_admin/tokens")).data;
}

export async function listSandboxUsers(): Promise<SandboxUser[]> {
  return (await admin<{ data: SandboxUser[] }>("/_admin/users")).data;
}

/** Returns the newest token of a kind that the sandbox issued to a user. */
export async function latestToken(userId: string, kind: SandboxToken["kind"]): Promise<SandboxToken> {
  const tokens = (await listSandboxTokens()).filter(
    (token) => token.user_id === userId && token.kind === kind,
  );
  const latest = tokens.sort((a, b) => a.issued_at.localeCompare(b.issued_at)).at(-1);
  if (!latest) throw new Error(`The sandbox issued no ${kind} to user ${userId}.`);

  return latest;
}

/** Revokes a token the way a user revoking the app at X would. */
export async function revokeAtSandbox(token: SandboxToken): Promise<void> {
  const body = new URLSearchParams({ token: token.token, token_type_hint: `${token.kind}_token` });
  const basic = Buffer.from("insightprose-dev:insightprose-dev-secret").toString("base64");
  const response = await fetch(`${SANDBOX_URL}/2/oauth2/revoke`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  if (!response.ok) throw new Error(`Revoking at the sandbox failed with ${response.status}.`);
}

/** Adds a fault rule at the sandbox (see sandbox/README.md for the kinds). */
export async function addSandboxFault(rule: { method?: string; path: string; kind: string; times?: number }) {
  await admin("/_admin/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(rule),
  });
}
