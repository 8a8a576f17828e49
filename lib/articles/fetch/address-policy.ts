import { BlockList, isIPv4, isIPv6 } from "node:net";

/** The reason an address may not be fetched; null means a public address. */
export type AddressClass =
  "loopback" | "private" | "link_local" | "unique_local" | "shared" | "metadata" | "reserved";

const LABELS: Record<AddressClass, string> = {
  loopback: "loopback address of this server",
  private: "private network address",
  link_local: "link-local address",
  unique_local: "unique-local IPv6 address",
  shared: "carrier-grade NAT address",
  metadata: "cloud metadata address",
  reserved: "reserved address",
};

// Instance metadata and similar host-only services of the large clouds. Some,
// like Azure's 168.63.129.16, sit in public space and need listing by address.
const METADATA_ADDRESSES: [string, "ipv4" | "ipv6"][] = [
  ["169.254.169.254", "ipv4"],
  ["169.254.169.123", "ipv4"],
  ["169.254.170.2", "ipv4"],
  ["168.63.129.16", "ipv4"],
  ["100.100.100.200", "ipv4"],
  ["192.0.0.192", "ipv4"],
  ["fd00:ec2::254", "ipv6"],
  ["fd00:ec2::23", "ipv6"],
];

// Special-purpose ranges from the IANA IPv4 and IPv6 registries (RFC 6890 and successors).
const RANGES: [AddressClass, string, number, "ipv4" | "ipv6"][] = [
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["loopback", "::1", 128, "ipv6"],
  ["reserved", "0.0.0.0", 8, "ipv4"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["shared", "100.64.0.0", 10, "ipv4"],
  ["link_local", "169.254.0.0", 16, "ipv4"],
  ["private", "172.16.0.0", 12, "ipv4"],
  ["reserved", "192.0.0.0", 24, "ipv4"],
  ["reserved", "192.0.2.0", 24, "ipv4"],
  ["reserved", "192.88.99.0", 24, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["reserved", "198.18.0.0", 15, "ipv4"],
  ["reserved", "198.51.100.0", 24, "ipv4"],
  ["reserved", "203.0.113.0", 24, "ipv4"],
  ["reserved", "224.0.0.0", 4, "ipv4"],
  ["reserved", "240.0.0.0", 4, "ipv4"],
  ["reserved", "::", 96, "ipv6"],
  ["reserved", "64:ff9b:1::", 48, "ipv6"],
  ["reserved", "100::", 64, "ipv6"],
  ["reserved", "2001::", 23, "ipv6"],
  ["reserved", "2001:db8::", 32, "ipv6"],
  ["unique_local", "fc00::", 7, "ipv6"],
  ["link_local", "fe80::", 10, "ipv6"],
  ["private", "fec0::", 10, "ipv6"],
  ["reserved", "ff00::", 8, "ipv6"],
];

const metadataList = new BlockList();
for (const [address, family] of METADATA_ADDRESSES) metadataList.addAddress(address, family);

const listsByClass = new Map<AddressClass, BlockList>();
for (const [addressClass, network, prefix, family] of RANGES) {
  const list = listsByClass.get(addressClass) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  listsByClass.set(addressClass, list);
}

function ipv6Words(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headWords = head ? head.split(":") : [];
  const tailWords = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headWords.length - tailWords.length).fill("0");

  return [...headWords, ...zeros, ...tailWords].map((word) => parseInt(word, 16));
}

function ipv4FromWords(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses carry an IPv4 address
// that the network translates to, so that address decides.
function embeddedIpv4(address: string): string | null {
  const words = ipv6Words(address);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((word) => word === 0)) {
    return ipv4FromWords(words[6] ?? 0, words[7] ?? 0);
  }
  if (words[0] === 0x2002) return ipv4FromWords(words[1] ?? 0, words[2] ?? 0);

  return null;
}

/** Classifies an IP address; returns null for a public address that may be fetched. */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/%.*$/, "");
  const family = isIPv4(bare) ? "ipv4" : isIPv6(bare) ? "ipv6" : null;
  if (!family) return "reserved";

  if (metadataList.check(bare, family)) return "metadata";
  for (const [addressClass, list] of listsByClass) {
    if (list.check(bare, family)) return addressClass;
  }
  if (family === "ipv6") {
    const embedded = embeddedIpv4(bare);
    if (embedded) return classifyAddress(embedded);
  }

  return null;
}

/** Returns why an address is refused, or null when fetching it is allowed. */
export function refusedAddressClass(
  address: string,
  options: { allowLoopback: boolean },
): AddressClass | null {
  const addressClass = classifyAddress(address);
  if (addressClass === "loopback" && options.allowLoopback) return null;

  return addressClass;
}

/** Builds the one-sentence message that a host is not fetched because of where it points. */
export function describeRefusedAddress(host: string, address: string, addressClass: AddressClass): string {
  const label = LABELS[addressClass];
  if (host === address) return `InsightProse does not fetch ${address} because it is a ${label}.`;

  return `InsightProse does not fetch ${host} because it points to a ${label} (${address}).`;
}
