import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

import { adminRoutes } from "./admin";
import { handleAuthorizeDecision, handleAuthorizePage } from "./authorize";
import { takeFault, type FaultRule } from "./faults";
import { handleHomePage } from "./home-page";
import {
  BodyTooLargeError,
  isLoopbackAddress,
  isLoopbackHost,
  json,
  readBody,
  writeReply,
  type Handler,
  type Reply,
  type SandboxContext,
} from "./http";
import { handleRevoke, handleToken } from "./oauth";
import { internalError, problemReply, serviceUnavailable, tooManyRequests, unauthorized } from "./problems";
import { currentPostLimits, sends24HourHeaders } from "./rate-limits";
import { handleUserTimeline } from "./timeline";
import { handleCreatePost, handleDeletePost } from "./tweets";
import { handleAvatar, handleUsersMe } from "./users";

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const ADMIN_PREFIX = "/_admin/";

const publicRoutes: Route[] = [
  { method: "GET", pattern: /^\/$/, handler: handleHomePage },
  { method: "GET", pattern: /^\/avatars\/(?<id>[0-9]{1,19})\.svg$/, handler: handleAvatar },
  { method: "GET", pattern: /^\/i\/oauth2\/authorize$/, handler: handleAuthorizePage },
  { method: "POST", pattern: /^\/i\/oauth2\/authorize$/, handler: handleAuthorizeDecision },
  { method: "POST", pattern: /^\/2\/oauth2\/token$/, handler: handleToken },
  { method: "POST", pattern: /^\/2\/oauth2\/revoke$/, handler: handleRevoke },
  { method: "GET", pattern: /^\/2\/users\/me$/, handler: handleUsersMe },
  { method: "POST", pattern: /^\/2\/tweets$/, handler: handleCreatePost },
  { method: "DELETE", pattern: /^\/2\/tweets\/(?<id>[^/]+)$/, handler: handleDeletePost },
  { method: "GET", pattern: /^\/2\/users\/(?<id>[^/]+)\/tweets$/, handler: handleUserTimeline },
];

const adminRouteTable: Route[] = adminRoutes.map(({ method, path, handler }) => ({
  method,
  pattern: new RegExp(`^${path}$`),
  handler,
}));

function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { handler: Handler; params: Record<string, string> } | null {
  for (const route of routes) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (match) {
      return { handler: route.handler, params: { ...match.groups } };
    }
  }

  return null;
}

const notFound = (): Reply =>
  json(404, { errors: [{ message: "Sorry, that page does not exist", code: 34 }] });

function rateLimitFaultReply(context: SandboxContext, rule: FaultRule): Reply {
  const { state, clock } = context;
  const limit = String(currentPostLimits(state).userLimit);
  const reset = String(Math.ceil(clock.now() / 1000) + rule.resetInSeconds);
  const headers: Record<string, string> = {
    "x-rate-limit-limit": limit,
    "x-rate-limit-remaining": "0",
    "x-rate-limit-reset": reset,
  };
  if (sends24HourHeaders(state.tier)) {
    Object.assign(headers, {
      "x-user-limit-24hour-limit": limit,
      "x-user-limit-24hour-remaining": "0",
      "x-user-limit-24hour-reset": reset,
    });
  }

  return problemReply(tooManyRequests(), headers);
}

/** Responds on behalf of a fault rule. Returns "continue" when the real handler should still run. */
async function applyFault(
  context: SandboxContext,
  rule: FaultRule,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<"continue" | "done"> {
  switch (rule.kind) {
    case "status":
      writeReply(res, problemReply(rule.status === 500 ? internalError() : serviceUnavailable()));
      return "done";
    case "unauthorized":
      writeReply(res, problemReply(unauthorized()));
      return "done";
    case "rate_limit":
      writeReply(res, rateLimitFaultReply(context, rule));
      return "done";
    case "delay":
      await sleep(rule.delayMs);
      return "continue";
    case "hang":
      // The response is never written; the server's close() ends the socket.
      return "done";
    case "drop":
      req.socket.destroy();
      return "done";
    case "created_then_lost":
      return "continue";
  }
}

export interface RouterOptions {
  context: SandboxContext;
  /** Called after every request that may have changed state. */
  persist: () => void;
}

async function route(options: RouterOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { context } = options;
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", context.baseUrl);

  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    writeReply(res, json(413, { error: error.message }));
    return;
  }

  const isAdmin = url.pathname.startsWith(ADMIN_PREFIX);
  if (isAdmin && (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host))) {
    writeReply(
      res,
      json(403, {
        error: "The admin API answers only loopback callers that address localhost, 127.0.0.1 or [::1].",
      }),
    );
    return;
  }

  const fault = isAdmin ? undefined : takeFault(context.state, method, url.pathname);
  if (fault && (await applyFault(context, fault, req, res)) === "done") {
    return;
  }

  const match = findRoute(isAdmin ? adminRouteTable : publicRoutes, method, url.pathname);
  const reply = match ? await match.handler({ req, url, body, params: match.params, context }) : notFound();
  if (method !== "GET" && method !== "HEAD") {
    options.persist();
  }

  const isCreated = reply.status >= 200 && reply.status < 300;
  if (fault?.kind === "created_then_lost" && isCreated) {
    if (fault.lostAs === "drop") {
      req.socket.destroy();
    } else {
      writeReply(res, problemReply(serviceUnavailable()));
    }
    return;
  }

  writeReply(res, reply);
}

export function createRequestListener(options: RouterOptions): RequestListener {
  return (req, res) => {
    route(options, req, res).catch((error: unknown) => {
      const path = (req.url ?? "").split("?")[0];
      options.context.log(
        `X sandbox: ${req.method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (res.headersSent) {
        res.destroy();
      } else {
        writeReply(res, problemReply(internalError()));
      }
    });
  };
}
