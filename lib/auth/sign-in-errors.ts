import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The cause of a failed sign-in, as the error page explains it. Auth.js reports most
 * failures as `Configuration`, so the route handler records the real cause
 * while it handles the callback and rewrites the redirect with it.
 */
export type SignInFailure = "cancelled" | "expired" | "unreachable" | "denied" | "unknown";

const failureStore = new AsyncLocalStorage<{ failure?: SignInFailure }>();

export function runWithFailureCapture<T>(callback: () => Promise<T>) {
  const store: { failure?: SignInFailure } = {};
  return failureStore.run(store, async () => ({ result: await callback(), failure: store.failure }));
}

export function recordSignInError(error: unknown): void {
  const store = failureStore.getStore();
  if (store && !store.failure) store.failure = classifySignInError(error);
}

function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 8) {
    chain.push(current);
    const cause = (current as { cause?: unknown }).cause;
    current = cause && typeof cause === "object" && "err" in cause ? (cause as { err: unknown }).err : cause;
  }

  return chain;
}

export function classifySignInError(error: unknown): SignInFailure {
  for (const item of causesOf(error)) {
    if (!item || typeof item !== "object") continue;
    const type = (item as { type?: string }).type;
    const code = (item as { code?: string }).code;
    const message = (item as { message?: string }).message ?? "";
    if (type === "InvalidCheck") return "expired";
    if (type === "AccessDenied") return "denied";
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "UND_ERR_CONNECT_TIMEOUT")
      return "unreachable";
    if (item instanceof TypeError && message === "fetch failed") return "unreachable";
  }

  return "unknown";
}

export const SIGN_IN_FAILURE_MESSAGES: Record<SignInFailure, string> = {
  cancelled: "You cancelled the sign-in at X, so nothing was connected.",
  expired:
    "The sign-in took too long or this browser lost its sign-in cookies. Start again from this browser in one go.",
  unreachable: "X could not be reached, so the sign-in could not finish. Wait a minute and try again.",
  denied: "This X account cannot sign in here.",
  unknown: "The sign-in with X did not finish. Try again; if it keeps failing, tell whoever runs this site.",
};

export function parseSignInFailure(value: string | string[] | undefined): SignInFailure {
  const first = Array.isArray(value) ? value[0] : value;
  if (first && first in SIGN_IN_FAILURE_MESSAGES) return first as SignInFailure;
  if (first === "OAuthCallbackError") return "cancelled";

  return "unknown";
}
