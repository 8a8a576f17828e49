import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { signInAs, uniqueHandle } from "./support/sign-in";

// A real article section: the opening of "Fearless Concurrency with Rust" (Rust blog, MIT or Apache-2.0).
const ARTICLE = readFileSync(
  path.resolve("../shared/fixtures/articles/markdown/rust-fearless-concurrency.md"),
  "utf8",
);
const SECTION = ARTICLE.split("+++")[2]!.split("Here's a taste")[0]!.trim();

test.use({ timezoneId: "America/Los_Angeles" });

/** Dispatches a paste of `text` into the focused field, as a browser does for Ctrl+V. */
async function pasteInto(page: import("@playwright/test").Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.evaluate(
    ({ selector, text }) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const target = document.querySelector(selector)!;
      target.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { selector, text },
  );
}

test("paste, split, edit and schedule a thread in the writer's zone", async ({ page }) => {
  expect(SECTION.length).toBeGreaterThan(600);
  await signInAs(page, { name: "Zone Writer", username: uniqueHandle("zone") });

  await page.getByRole("button", { name: "New thread" }).click();
  await page.waitForURL(/\/threads\/[0-9a-f-]{36}$/);
  await pasteInto(page, "#post-1", SECTION);

  const posts = page.getByRole("textbox", { name: /^Post \d+$/ });
  await expect.poll(() => posts.count()).toBeGreaterThan(2);
  const count = await posts.count();
  for (let index = 0; index < count; index += 1) {
    await expect(page.getByTestId(`post-${index + 1}`).getByText(/ left$/)).toBeVisible();
  }

  await page
    .getByRole("textbox", { name: "Post 2", exact: true })
    .fill("Edited: the same tools that make Rust safe also help with concurrency.");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({
    timeout: 10_000,
  });

  await page.getByLabel("Date").fill("2030-03-10");
  await page.getByLabel("Time").fill("21:30");
  // 21:30 PDT on March 10, 2030 is 04:30 UTC on March 11.
  await expect(page.getByTestId("schedule-instant")).toHaveText(
    "Posts at Sun, Mar 10, 2030, 21:30 (America/Los_Angeles) · 2030-03-11 04:30 UTC",
  );
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByTestId("scheduled-for")).toContainText("2030-03-11 04:30 UTC");

  await page.goto("/dashboard");
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByTestId("thread-time")).toHaveText(
    "Sun, Mar 10, 2030, 21:30 (America/Los_Angeles) · 2030-03-11 04:30 UTC",
  );
  await expect(upcoming.getByText(`${count} posts · Scheduled`)).toBeVisible();

  await upcoming.getByRole("link").first().click();
  await expect(page.getByRole("textbox", { name: "Post 2", exact: true })).toHaveValue(
    "Edited: the same tools that make Rust safe also help with concurrency.",
  );
});
