import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { PinnedAddress } from "./resolve-host";

const REQUEST_HEADERS = {
  accept: "text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "InsightProse article import",
};

// Resolves the socket's DNS lookup to the address that was already checked,
// so a host whose DNS changes between check and connect (DNS rebinding)
// still reaches the checked address. TLS keeps verifying the host name.
function pinnedLookup(pinned: PinnedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(null, [{ address: pinned.address, family: pinned.family }]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

/**
 * Sends one GET request to `url` over a fresh connection to the pinned
 * address and resolves with the response head; the caller reads the body.
 */
export function requestPinned(
  url: URL,
  pinned: PinnedAddress,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const transport = url.protocol === "https:" ? https : http;

  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: "GET",
      headers: REQUEST_HEADERS,
      lookup: pinnedLookup(pinned),
      agent: false,
      signal,
    });
    request.once("response", resolve);
    request.once("error", reject);
    request.end();
  });
}
