import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { signInAs, uniqueHandle } from "./support/sign-in";

// A real blog post saved as a browser received it (Mozilla Readability's test pages, Apache-2.0).
const PAGE = readFileSync(path.resolve("../shared/fixtures/articles/html/dropbox-blog/source.html"), "utf8");
const TITLE = "How we designed Dropbox’s ATF - an async task framework";

let server: Server;
let articleUrl: string;

// The app under test fetches this page, so it runs with ARTICLE_FETCH_ALLOW_LOOPBACK set.
test.beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  articleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2020/atf`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("article URL to scheduled thread", async ({ page }) => {
  await signInAs(page, { name: "Article Writer", username: uniqueHandle("essay") });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { name: "No articles yet" })).toBeVisible();
  await page.getByRole("link", { name: "Import your first article" }).click();
  await page.getByLabel("Article URL").fill(articleUrl);
  await page.getByRole("button", { name: "Import from URL" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fetching and reading the page" })).toBeAttached();

  const importError = page.locator("form").getByRole("alert");
  const articleHeading = page.getByRole("heading", { level: 1, name: TITLE });
  await expect(articleHeading.or(importError)).toBeVisible({ timeout: 30_000 });
  await expect(importError, "the app must run with ARTICLE_FETCH_ALLOW_LOOPBACK=true").toHaveCount(0);
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  const insights = page.getByRole("complementary");
  await expect(insights.getByRole("heading", { level: 2 })).toHaveText(/^[1-8] insights?$/);

  const firstInsight = insights.getByRole("button", { name: /^1\. / });
  const insightTitle = (await firstInsight.innerText()).replace(/^1\.\s*/, "");
  await firstInsight.click();
  await expect(firstInsight).toHaveAttribute("aria-expanded", "true");
  const highlighted = page.locator("[data-paragraph][data-highlighted]");
  await expect.poll(() => highlighted.count()).toBeGreaterThan(0);
  await expect(highlighted.first()).toBeInViewport();

  await insights.getByRole("button", { name: "Create thread" }).click();
  await page.waitForURL(/\/threads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Post 1", exact: true })).toHaveValue(
    new RegExp(`^${escapeRegExp(insightTitle)}`),
  );
  await expect(page.getByRole("textbox", { name: /^Post \d+$/ }).last()).toHaveValue(
    `Read the whole article: ${articleUrl}`,
  );

  await page.getByLabel("Date").fill("2030-03-10");
  await page.getByLabel("Time").fill("21:30");
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByTestId("scheduled-for")).toBeVisible();

  await page.goto("/dashboard");
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByRole("link", { name: insightTitle })).toBeVisible();
  await expect(upcoming.getByText(/posts · Scheduled$/)).toBeVisible();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
