import { expect, test } from "./support/fixtures";

test("landing page explains the product and offers sign-in", async ({ page }) => {
  await page.goto("/");

  await expect(page).toHaveTitle("InsightProse");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("threads");
  await expect(page.getByRole("link", { name: "Sign in with X" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How it works" })).toBeVisible();
});

test("health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ database: "ok" });
});
