import type { IncomingMessage, ServerResponse } from "node:http";

import type { Clock } from "./clock";
import type { InitialState, SandboxState } from "./state";

/** Shared state, clock and base URL passed to every handler. */
export interface SandboxContext {
  state: SandboxState;
  /** Settings the sandbox started with, which POST /_admin/reset restores. */
  initial: InitialState;
  clock: Clock;
  baseUrl: string;
  log: (line: string) => void;
}

export interface Exchange {
  req: IncomingMessage;
  url: URL;
  body: string;
  params: Record<string, string>;
  context: SandboxContext;
}

/** Complete HTTP response from a handler. The router writes it unless a fault replaces it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (exchange: Exchange) => Reply | Promise<Reply>;

export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new BodyTooLargeError(`Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(buffer);
  }

  return Buffer.concat(chunks).toString("utf8");
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  };
}

export function html(status: number, markup: string): Reply {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    body: markup,
  };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location, "cache-control": "no-store" }, body: "" };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

export function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

export function isFormBody(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/** Parses `Authorization: Basic` credentials. Returns null when the header is missing or malformed. */
export function parseBasicAuth(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
  if (!match?.[1]) {
    return null;
  }

  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) {
    return null;
  }

  // RFC 6749 section 2.3.1 form-encodes the id and secret before base64.
  try {
    return {
      username: decodeURIComponent(decoded.slice(0, separator)),
      password: decodeURIComponent(decoded.slice(separator + 1)),
    };
  } catch {
    return null;
  }
}

export function parseBearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");

  return match?.[1] ?? null;
}

/** Returns true for 127.0.0.0/8 and ::1, including IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) {
    return false;
  }
  if (address === "::1") {
    return true;
  }

  const ipv4 = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : address;

  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

/** Returns true when a Host header names a loopback host, which rules out DNS rebinding. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) {
    return false;
  }

  const hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
  if (hostname === "localhost" || hostname === "[::1]") {
    return true;
  }

  return isLoopbackAddress(hostname);
}
