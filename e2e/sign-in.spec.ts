import { decryptToken, parseTokenKeys } from "../lib/crypto/tokens";
import { E2E_TOKEN_KEY } from "./support/constants";
import { NEEDS_DATABASE, openAppDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import {
  addSandboxFault,
  latestToken,
  listSandboxTokens,
  listSandboxUsers,
  revokeAtSandbox,
} from "./support/sandbox";
import { openConsentPage, signInAs, uniqueHandle } from "./support/sign-in";

const keys = parseTokenKeys(E2E_TOKEN_KEY);

async function sandboxUserId(username: string): Promise<string> {
  const user = (await listSandboxUsers()).find((candidate) => candidate.username === username);
  if (!user) throw new Error(`The sandbox has no user @${username}.`);
  return user.id;
}

test("new user signs in and sees their handle", async ({ page }) => {
  const username = uniqueHandle("ada");

  await signInAs(page, { name: "Ada Writer", username });

  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("current-handle")).toHaveText(`@${username}`);
  await expect(page.getByRole("img", { name: "Ada Writer's avatar" }).first()).toBeVisible();
});

test("cancel at X shows the error page, retry works", async ({ page }) => {
  await openConsentPage(page);
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "You cancelled the sign-in at X, so nothing was connected.",
  );

  const username = uniqueHandle("retry");
  await page.getByRole("button", { name: "Try again with X" }).click();
  await page.getByLabel("Create a new user").check();
  await page.getByLabel("Display name").fill("Retry Writer");
  await page.getByLabel("Handle").fill(username);
  await page.getByRole("button", { name: "Authorize app" }).click();

  await expect(page.getByTestId("current-handle")).toHaveText(`@${username}`);
});

test("signed-out visitor of an app page goes to sign-in", async ({ page }) => {
  await page.goto("/settings");

  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await expect(page.getByRole("button", { name: "Continue with X" })).toBeVisible();
});

test("lost sign-in cookies get their own message", async ({ page, context }) => {
  await openConsentPage(page);
  await context.clearCookies();
  await page.getByLabel("Create a new user").check();
  await page.getByLabel("Display name").fill("Lost Cookies");
  await page.getByLabel("Handle").fill(uniqueHandle("lost"));
  await page.getByRole("button", { name: "Authorize app" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("lost its sign-in cookies");
});

test("unreachable X gets its own message", async ({ page }) => {
  await addSandboxFault({ method: "POST", path: "/2/oauth2/token", kind: "drop" });
  await openConsentPage(page);
  await page.getByLabel("Create a new user").check();
  await page.getByLabel("Display name").fill("Offline Writer");
  await page.getByLabel("Handle").fill(uniqueHandle("off"));
  await page.getByRole("button", { name: "Authorize app" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "X could not be reached, so the sign-in could not finish. Wait a minute and try again.",
  );
});

test("delete account removes the user after confirmation", async ({ page }) => {
  const user = { name: "Deleting Writer", username: uniqueHandle("del") };
  await signInAs(page, user);
  await page.goto("/settings");

  await page.getByLabel(/Type your X handle/).fill("someone-else");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    `Type your X handle, ${user.username}`,
  );

  await page.getByLabel(/Type your X handle/).fill(`@${user.username}`);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);

  const database = openAppDatabase();
  if (database) {
    const rows = await database`select id from "user" where username = ${user.username}`;
    await database.end();
    expect(rows).toHaveLength(0);
  }
});

test("sign-in after a revoked grant stores the new tokens", async ({ page }) => {
  const database = openAppDatabase();
  test.skip(!database, NEEDS_DATABASE);
  const user = { name: "Returning Writer", username: uniqueHandle("back") };

  await signInAs(page, user);
  const userId = await sandboxUserId(user.username);
  await revokeAtSandbox(await latestToken(userId, "refresh"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await signInAs(page, user);

  const [row] =
    await database!`select access_token, refresh_token, status from account where "providerAccountId" = ${userId}`;
  await database!.end();
  expect(row?.status).toBe("active");
  expect(decryptToken(row?.access_token, keys)).toBe((await latestToken(userId, "access")).token);
  expect(decryptToken(row?.refresh_token, keys)).toBe((await latestToken(userId, "refresh")).token);
});

test("two X users become two app users", async ({ page, context }) => {
  const first = { name: "First Writer", username: uniqueHandle("one") };
  const second = { name: "Second Writer", username: uniqueHandle("two") };

  await signInAs(page, first);
  await expect(page.getByTestId("current-handle")).toHaveText(`@${first.username}`);
  await context.clearCookies();
  await signInAs(page, second);

  await expect(page.getByTestId("current-handle")).toHaveText(`@${second.username}`);
  const database = openAppDatabase();
  if (database) {
    const rows =
      await database`select id from "user" where username in (${first.username}, ${second.username})`;
    await database.end();
    expect(rows).toHaveLength(2);
  }
});

test("Disconnect X revokes both tokens at X", async ({ page }) => {
  const user = { name: "Leaving Writer", username: uniqueHandle("bye") };
  await signInAs(page, user);
  const userId = await sandboxUserId(user.username);
  const access = await latestToken(userId, "access");
  const refresh = await latestToken(userId, "refresh");

  await page.goto("/settings");
  await page.getByRole("button", { name: "Disconnect X" }).click();
  await expect(page.getByText("You have no scheduled threads.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, disconnect X" }).click();

  await expect(page.getByTestId("x-status")).toHaveText("Disconnected");
  const tokens = await listSandboxTokens();
  expect(tokens.find((token) => token.token === access.token)?.status).toBe("revoked");
  expect(tokens.find((token) => token.token === refresh.token)?.status).toBe("revoked");
});

test("no issued token is stored in plaintext", async () => {
  const database = openAppDatabase();
  test.skip(!database, NEEDS_DATABASE);

  const issued = (await listSandboxTokens()).map((token) => token.token);
  const rows = await database!`select access_token, refresh_token, id_token from account`;
  const sessions = await database!`select "sessionToken" from session`;
  await database!.end();
  const stored = [
    ...rows.flatMap((row) => [row.access_token, row.refresh_token, row.id_token]),
    ...sessions.map((row) => row.sessionToken),
  ]
    .filter((value): value is string => typeof value === "string")
    .join("\n");

  expect(issued.length).toBeGreaterThan(0);
  expect(rows.length).toBeGreaterThan(0);
  for (const token of issued) expect(stored).not.toContain(token);
});
