import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ArticleImportError } from "../errors";
import { describeRefusedAddress, refusedAddressClass } from "./address-policy";

/** Resolves a host name to its IP addresses; tests pass their own to stand in for DNS. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveWithSystemDns: ResolveHost = async (hostname) => {
  const results = await lookup(hostname, { all: true, order: "verbatim" });

  return results.map((result) => result.address);
};

/** The checked address a request must connect to, so DNS is not asked a second time. */
export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a URL's host and checks every address it resolves to. Throws an
 * ArticleImportError when any address is refused, because a host that mixes
 * public and private addresses could be steered to the private one.
 */
export async function resolvePinnedAddress(
  hostname: string,
  options: { allowLoopback: boolean; resolveHost: ResolveHost },
): Promise<PinnedAddress> {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await options.resolveHost(host);
    } catch {
      addresses = [];
    }
  }
  if (addresses.length === 0) {
    throw new ArticleImportError(
      "unresolvable_host",
      `The host ${host} could not be found, so check the address for typos.`,
    );
  }

  for (const address of addresses) {
    const addressClass = refusedAddressClass(address, options);
    if (addressClass) {
      throw new ArticleImportError("refused_address", describeRefusedAddress(host, address, addressClass));
    }
  }

  const [address = ""] = addresses;
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}
