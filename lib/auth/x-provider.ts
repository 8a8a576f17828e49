import Twitter from "next-auth/providers/twitter";
import { getXEndpoints } from "@/lib/x/endpoints";

export const X_SCOPES = ["tweet.read", "tweet.write", "users.read", "offline.access"] as const;

interface XUserResponse {
  data: { id: string; name: string; username: string; profile_image_url?: string };
}

/**
 * Creates the Auth.js X provider with every endpoint given as a full URL,
 * because overriding only `authorization.params.scope` leaves it without its URL.
 */
export function createXProvider() {
  const endpoints = getXEndpoints();
  const scope = encodeURIComponent(X_SCOPES.join(" "));

  return Twitter({
    clientId: endpoints.clientId,
    clientSecret: endpoints.clientSecret,
    authorization: `${endpoints.authorizeUrl}?scope=${scope}`,
    token: endpoints.tokenUrl,
    userinfo: `${endpoints.apiBaseUrl}/2/users/me?user.fields=profile_image_url`,
    checks: ["pkce", "state"],
    profile(profile) {
      const { data } = profile as unknown as XUserResponse;
      return {
        id: data.id,
        name: data.name,
        email: null,
        image: data.profile_image_url ?? null,
        username: data.username,
      };
    },
  });
}
