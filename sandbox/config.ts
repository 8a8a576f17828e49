import { z } from "zod";

export const TIERS = ["free", "basic", "pro", "pay-per-use"] as const;
export type Tier = (typeof TIERS)[number];

export const CLIENT_TYPES = ["confidential", "public"] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

/** The one OAuth 2.0 client registered with the sandbox. */
export interface ClientConfig {
  clientId: string;
  clientSecret: string;
  type: ClientType;
  redirectUris: string[];
}

export interface SandboxOptions {
  /** TCP port on loopback, where 0 picks a free one. Default 4010. */
  port?: number;
  /** JSON file that keeps state across restarts. Without it, state lives in memory only. */
  stateFile?: string;
  tier?: Tier;
  client?: Partial<ClientConfig>;
  /** Lifetime of issued access tokens in seconds. X uses 7200. */
  accessTokenLifetimeSeconds?: number;
  /** When true, replaying a dead refresh token also revokes the live tokens of its family. */
  revokeFamilyOnReuse?: boolean;
  /** Starting pay-per-use credit balance in USD. */
  creditBalanceUsd?: number;
  /** Receives one line per error the sandbox catches. Defaults to console.error. */
  log?: (line: string) => void;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 7200;
export const DEFAULT_CREDIT_BALANCE_USD = 10;

export const DEFAULT_CLIENT: ClientConfig = {
  clientId: "insightprose-dev",
  clientSecret: "insightprose-dev-secret",
  type: "confidential",
  redirectUris: ["http://localhost:3000/api/auth/callback/twitter"],
};

export function resolveClient(partial: Partial<ClientConfig> | undefined): ClientConfig {
  return {
    clientId: partial?.clientId ?? DEFAULT_CLIENT.clientId,
    clientSecret: partial?.clientSecret ?? DEFAULT_CLIENT.clientSecret,
    type: partial?.type ?? DEFAULT_CLIENT.type,
    redirectUris: partial?.redirectUris ?? [...DEFAULT_CLIENT.redirectUris],
  };
}

const redirectUriList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((uri) => uri.trim())
      .filter((uri) => uri.length > 0),
  )
  .pipe(z.array(z.url()).min(1, "needs at least one redirect URI"));

const environmentSchema = z.object({
  X_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  X_SANDBOX_STATE_FILE: z.string().min(1).optional(),
  X_SANDBOX_TIER: z.enum(TIERS).default("basic"),
  X_SANDBOX_CLIENT_ID: z.string().min(1).default(DEFAULT_CLIENT.clientId),
  X_SANDBOX_CLIENT_SECRET: z.string().min(1).default(DEFAULT_CLIENT.clientSecret),
  X_SANDBOX_CLIENT_TYPE: z.enum(CLIENT_TYPES).default(DEFAULT_CLIENT.type),
  X_SANDBOX_REDIRECT_URIS: redirectUriList.default([...DEFAULT_CLIENT.redirectUris]),
});

/**
 * Reads the sandbox options from X_SANDBOX_* variables. Throws an Error whose
 * message names each invalid variable and what it accepts.
 */
export function readOptionsFromEnvironment(env: NodeJS.ProcessEnv): SandboxOptions {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid X sandbox configuration: ${problems.join("; ")}.`);
  }

  const values = parsed.data;

  return {
    port: values.X_SANDBOX_PORT,
    stateFile: values.X_SANDBOX_STATE_FILE,
    tier: values.X_SANDBOX_TIER,
    client: {
      clientId: values.X_SANDBOX_CLIENT_ID,
      clientSecret: values.X_SANDBOX_CLIENT_SECRET,
      type: values.X_SANDBOX_CLIENT_TYPE,
      redirectUris: values.X_SANDBOX_REDIRECT_URIS,
    },
  };
}
