import { createServer, type RequestListener, type Server } from "node:http";

import { Clock } from "./clock";
import {
  DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  DEFAULT_CREDIT_BALANCE_USD,
  DEFAULT_PORT,
  resolveClient,
  type SandboxOptions,
} from "./config";
import { createCredits } from "./credits";
import type { SandboxContext } from "./http";
import { loadState, saveState } from "./persistence";
import { createRequestListener } from "./router";
import { createState, type InitialState, type SandboxState } from "./state";

export type { SandboxOptions } from "./config";

export const PRODUCTION_REFUSAL =
  "The X sandbox does not run when NODE_ENV=production; configure real X credentials (AUTH_TWITTER_ID and AUTH_TWITTER_SECRET) instead.";

export interface Sandbox {
  /** Base URL on loopback, for example http://localhost:4010. */
  url: string;
  port: number;
  /** Live state, for tests that inspect or change it directly. */
  state: SandboxState;
  clock: Clock;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen({ port, host, ipv6Only: host === "::1" }, () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Ends keep-alive sockets and requests held open by a `hang` fault.
    server.closeAllConnections();
  });
}

/**
 * Listens on 127.0.0.1 and, where the host has IPv6, on ::1 with the same
 * port, so `localhost` reaches the sandbox whichever address it resolves to.
 * Never binds any other interface.
 */
async function listenOnLoopback(
  listener: RequestListener,
  port: number,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const ipv4 = createServer(listener);
    const actualPort = await listen(ipv4, port, "127.0.0.1");
    const ipv6 = createServer(listener);
    try {
      await listen(ipv6, actualPort, "::1");

      return { servers: [ipv4, ipv6], port: actualPort };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT") {
        return { servers: [ipv4], port: actualPort };
      }

      await closeServer(ipv4);
      if (port !== 0 || code !== "EADDRINUSE" || attempt >= 5) {
        throw new Error(
          `The X sandbox could not listen on [::1]:${actualPort} (${code ?? String(error)}). Free the port or choose another with X_SANDBOX_PORT.`,
        );
      }
    }
  }
}

/** Starts the X sandbox on loopback. Throws when NODE_ENV is production. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(PRODUCTION_REFUSAL);
  }

  const clock = new Clock();
  const initial: InitialState = {
    client: resolveClient(options.client),
    settings: {
      accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
      revokeFamilyOnReuse: options.revokeFamilyOnReuse ?? false,
    },
    tier: options.tier ?? "basic",
    credits: createCredits(options.creditBalanceUsd ?? DEFAULT_CREDIT_BALANCE_USD),
  };
  const state = createState(initial);
  const { stateFile } = options;
  if (stateFile) {
    loadState(stateFile, state, clock);
  }

  const log = options.log ?? ((line: string) => console.error(line));
  const context: SandboxContext = { state, clock, initial, baseUrl: "http://localhost", log };
  const persist = (): void => {
    if (!stateFile) return;
    try {
      saveState(stateFile, state, clock);
    } catch (error) {
      log(`X sandbox: could not write the state file ${stateFile}: ${String(error)}`);
    }
  };

  const listener = createRequestListener({ context, persist });
  const { servers, port } = await listenOnLoopback(listener, options.port ?? DEFAULT_PORT);
  context.baseUrl = `http://localhost:${port}`;

  return {
    url: context.baseUrl,
    port,
    state,
    clock,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
