import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleImportError, type ArticleImportReason } from "@/lib/articles/errors";
import type { FetchArticleOptions } from "@/lib/articles/fetch/fetch-article-url";
import { importArticleFromUrl } from "@/lib/articles/import-article";
import { countArticles } from "@/lib/articles/queries";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";
import { type LocalServer, startLocalServer } from "./helpers/local-server";

setupTestDatabase();

const ARTICLE_HTML = `<!doctype html><html lang="en"><head><title>Fine</title></head><body><article>${"<p>A perfectly ordinary paragraph of article text that goes on for a while.</p>".repeat(40)}</article></body></html>`;
const SIX_MEGABYTES = 6_000_000;

let server: LocalServer;
let userId: string;

// A stand-in for DNS: maps test host names to addresses, and fails for any other name.
function fakeDns(records: Record<string, string[]>): NonNullable<FetchArticleOptions["resolveHost"]> {
  return async (hostname) => {
    const addresses = records[hostname];
    if (!addresses) throw new Error(`No test record for ${hostname}.`);
    return addresses;
  };
}

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    switch (request.url) {
      case "/article":
        response.writeHead(200, { "content-type": "text/html" }).end(ARTICLE_HTML);
        return;
      case "/to-metadata":
        response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
        return;
      case "/to-private-name":
        response.writeHead(301, { location: "http://intranet.test/wiki" }).end();
        return;
      case "/to-file":
        response.writeHead(302, { location: "file:///etc/passwd" }).end();
        return;
      case "/loop":
        response.writeHead(302, { location: "/loop" }).end();
        return;
      case "/declared-large":
        response.writeHead(200, { "content-type": "text/html", "content-length": String(SIX_MEGABYTES) });
        response.end("x".repeat(SIX_MEGABYTES));
        return;
      case "/streamed-large":
        response.writeHead(200, { "content-type": "text/plain" });
        for (let sent = 0; sent < SIX_MEGABYTES; sent += 100_000) response.write("word ".repeat(20_000));
        response.end();
        return;
      case "/silent":
        return;
      case "/stalled-body":
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body><p>The rest never comes");
        return;
      case "/image":
        response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      case "/missing":
        response.writeHead(404, { "content-type": "text/html" }).end("<p>Not here</p>");
        return;
      default:
        response.writeHead(500).end();
    }
  });
  userId = (await createTestUser()).id;
});

afterAll(async () => {
  await server.close();
});

async function expectRefusal(url: string, reason: ArticleImportReason, options: FetchArticleOptions = {}) {
  const fetchOptions = { allowLoopback: true, ...options };
  const error = await importArticleFromUrl({ userId, url, fetchOptions }).catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(ArticleImportError);
  const refusal = error as ArticleImportError;
  expect(refusal.reason).toBe(reason);
  expect(refusal.message).toMatch(/^[A-Z][^\n]*\.$/);
  expect(refusal.message.slice(0, -1)).not.toMatch(/[.!?] [A-Z]/);
  expect(await countArticles(userId)).toBe(0);

  return refusal.message;
}

describe("import refusals", () => {
  it("refuses file URLs", async () => {
    expect(await expectRefusal("file:///etc/passwd", "unsupported_scheme")).toBe(
      "InsightProse imports only http and https URLs, not file: URLs.",
    );
  });

  it("refuses ftp URLs", async () => {
    await expectRefusal("ftp://127.0.0.1/article.txt", "unsupported_scheme");
  });

  it("refuses text that is no URL", async () => {
    await expectRefusal("not a url", "invalid_url");
  });

  it("refuses loopback when not allowed", async () => {
    const message = await expectRefusal(`${server.origin}/article`, "refused_address", {
      allowLoopback: false,
    });

    expect(message).toBe(
      "InsightProse does not fetch 127.0.0.1 because it is a loopback address of this server.",
    );
    expect(server.requests.filter((request) => request.path === "/article")).toHaveLength(0);
  });

  it("refuses localhost by name", async () => {
    await expectRefusal("http://localhost:9/", "refused_address", {
      allowLoopback: false,
      resolveHost: fakeDns({ localhost: ["127.0.0.1", "::1"] }),
    });
  });

  it("refuses IPv6 loopback literal", async () => {
    await expectRefusal("http://[::1]:9/", "refused_address", { allowLoopback: false });
  });

  it.each([
    ["private 10/8", "http://10.0.0.7/post"],
    ["private 192.168/16", "http://192.168.1.1/"],
    ["private 172.16/12", "http://172.20.0.3/"],
    ["carrier-grade NAT", "http://100.64.0.1/"],
    ["link-local", "http://169.254.10.10/"],
    ["unique-local IPv6", "http://[fd12:3456::1]/"],
    ["IPv4-mapped private", "http://[::ffff:10.0.0.1]/"],
    ["unspecified", "http://0.0.0.0/"],
  ])("refuses %s addresses", async (_label, url) => {
    await expectRefusal(url, "refused_address");
  });

  it.each([
    ["AWS, GCP and Azure IPv4", "http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["AWS IPv6", "http://[fd00:ec2::254]/latest/meta-data/", "fd00:ec2::254"],
    ["Alibaba", "http://100.100.100.200/latest/meta-data/", "100.100.100.200"],
  ])("refuses %s metadata address", async (_label, url, address) => {
    expect(await expectRefusal(url, "refused_address")).toBe(
      `InsightProse does not fetch ${address} because it is a cloud metadata address.`,
    );
  });

  it("refuses a name resolving privately", async () => {
    const message = await expectRefusal("http://intranet.test/wiki", "refused_address", {
      resolveHost: fakeDns({ "intranet.test": ["10.1.2.3"] }),
    });

    expect(message).toBe(
      "InsightProse does not fetch intranet.test because it points to a private network address (10.1.2.3).",
    );
  });

  it("refuses a name with one private address", async () => {
    await expectRefusal("http://mixed.test/", "refused_address", {
      resolveHost: fakeDns({ "mixed.test": ["127.0.0.1", "192.168.0.10"] }),
    });
  });

  it("refuses a redirect to metadata", async () => {
    await expectRefusal(`${server.origin}/to-metadata`, "refused_address");

    expect(server.requests.some((request) => request.path === "/to-metadata")).toBe(true);
  });

  it("refuses a redirect to a private name", async () => {
    await expectRefusal(`${server.origin}/to-private-name`, "refused_address", {
      resolveHost: fakeDns({ "intranet.test": ["192.168.7.7"] }),
    });
  });

  it("refuses a redirect to a file URL", async () => {
    await expectRefusal(`${server.origin}/to-file`, "unsupported_scheme");
  });

  it("refuses more than five redirects", async () => {
    const before = server.requests.length;

    await expectRefusal(`${server.origin}/loop`, "too_many_redirects");
    expect(server.requests.length - before).toBe(6);
  });

  it("refuses a declared body over 5 MB", async () => {
    await expectRefusal(`${server.origin}/declared-large`, "too_large");
  });

  it("refuses a streamed body over 5 MB", async () => {
    await expectRefusal(`${server.origin}/streamed-large`, "too_large");
  });

  it("refuses a server that never answers", async () => {
    const started = Date.now();
    const message = await expectRefusal(`${server.origin}/silent`, "timed_out", { timeoutMs: 300 });

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(message).toBe(
      `The server at 127.0.0.1:${server.port} did not answer within 0.3 seconds, so nothing was imported.`,
    );
  });

  it("refuses a body that stalls", async () => {
    await expectRefusal(`${server.origin}/stalled-body`, "timed_out", { timeoutMs: 300 });
  });

  it("refuses an image", async () => {
    expect(await expectRefusal(`${server.origin}/image`, "unsupported_type")).toBe(
      "That URL returns image/png, and InsightProse imports only HTML, Markdown and plain text.",
    );
  });

  it("refuses an error status", async () => {
    expect(await expectRefusal(`${server.origin}/missing`, "http_error")).toBe(
      "The server answered 404 Not Found for that URL, so nothing was imported.",
    );
  });

  it("refuses an unknown host", async () => {
    await expectRefusal("http://unknown.test/", "unresolvable_host", { resolveHost: fakeDns({}) });
  });
});

describe("address pinning", () => {
  it("connects to the checked address", async () => {
    let lookups = 0;
    const writer = await createTestUser();
    const outcome = await importArticleFromUrl({
      userId: writer.id,
      url: `http://blog.test:${server.port}/article`,
      importAnyway: true,
      fetchOptions: {
        allowLoopback: true,
        // Resolves as a rebinding attacker's DNS would: a safe address first, a private one later.
        resolveHost: async () => (lookups++ === 0 ? ["127.0.0.1"] : ["10.0.0.1"]),
      },
    });

    expect(outcome.status).toBe("saved");
    expect(lookups).toBe(1);
    expect(server.requests.at(-1)).toEqual({ path: "/article", host: `blog.test:${server.port}` });
  });
});
