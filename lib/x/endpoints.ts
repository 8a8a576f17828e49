import { getConfig } from "@/lib/config";

export interface XEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  /** Base of the v2 API, without a trailing slash: `${apiBaseUrl}/2/tweets`. */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string | undefined;
  isSandbox: boolean;
}

/** Returns X's own endpoints when an X app is configured, the X sandbox's otherwise. */
export function getXEndpoints(): XEndpoints {
  const { x } = getConfig();

  if (x.kind === "x") {
    return {
      authorizeUrl: "https://x.com/i/oauth2/authorize",
      tokenUrl: "https://api.x.com/2/oauth2/token",
      revokeUrl: "https://api.x.com/2/oauth2/revoke",
      apiBaseUrl: "https://api.x.com",
      clientId: x.clientId,
      clientSecret: x.clientSecret,
      isSandbox: false,
    };
  }

  const base = x.url.replace(/\/+$/, "");
  return {
    authorizeUrl: `${base}/i/oauth2/authorize`,
    tokenUrl: `${base}/2/oauth2/token`,
    revokeUrl: `${base}/2/oauth2/revoke`,
    apiBaseUrl: base,
    clientId: x.clientId,
    clientSecret: x.clientSecret,
    isSandbox: true,
  };
}

/** Builds the HTTP Basic credentials X expects from confidential clients. */
export function basicAuthorization(endpoints: XEndpoints): string | undefined {
  if (!endpoints.clientSecret) return undefined;
  const pair = `${encodeURIComponent(endpoints.clientId)}:${encodeURIComponent(endpoints.clientSecret)}`;

  return `Basic ${Buffer.from(pair).toString("base64")}`;
}
