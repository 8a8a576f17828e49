import { expect, type Page } from "@playwright/test";

let counter = 0;

/** Returns a handle no earlier test used, within X's 15-character limit. */
export function uniqueHandle(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36).slice(-5)}${counter}`.slice(0, 15);
}

/** Starts sign-in from the sign-in page and stops on the sandbox's consent page. */
export async function openConsentPage(page: Page, path = "/signin"): Promise<void> {
  await page.goto(path);
  await page.getByRole("button", { name: /Continue with X|Try again with X/ }).click();
  await expect(page.getByRole("button", { name: "Authorize app" })).toBeVisible();
}

/** Signs in through the sandbox as a new fake user, or as an existing one when it is listed. */
export async function signInAs(page: Page, user: { name: string; username: string }): Promise<void> {
  await openConsentPage(page);
  const existing = page.getByLabel(`${user.name} (@${user.username})`);
  if ((await existing.count()) > 0) {
    await existing.check();
  } else {
    await page.getByLabel("Create a new user").check();
    await page.getByLabel("Display name").fill(user.name);
    await page.getByLabel("Handle").fill(user.username);
  }
  await page.getByRole("button", { name: "Authorize app" }).click();
  await page.waitForURL("**/dashboard");
}
