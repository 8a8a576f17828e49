import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { IdGenerator } from "../../sandbox/ids";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { admin, createPost, getMe, postIdOf, signedInUser, startTestSandbox } from "./helpers";

let directory: string;
let stateFile: string;
let sandbox: Sandbox | undefined;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "x-sandbox-"));
  stateFile = join(directory, "state.json");
});

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  rmSync(directory, { recursive: true, force: true });
});

describe("state file", () => {
  it("keeps state across restarts", async () => {
    sandbox = await startTestSandbox({ stateFile });
    const ada = await signedInUser(sandbox, "ada");
    const firstId = await postIdOf(await createPost(sandbox, ada.token, { text: "before restart" }));
    await admin(sandbox, "POST", "/_admin/clock", { advance_ms: 3_600_000 });
    await sandbox.close();

    sandbox = await startTestSandbox({ stateFile });
    const users = await admin<{ data: Array<{ username: string }> }>(sandbox, "GET", "/_admin/users");
    const secondId = await postIdOf(await createPost(sandbox, ada.token, { text: "after restart" }));

    expect(users.body.data.map((user) => user.username)).toEqual(["ada"]);
    expect((await getMe(sandbox, ada.token)).status).toBe(200);
    expect(sandbox.clock.offset).toBeGreaterThanOrEqual(3_599_000);
    expect(BigInt(secondId) > BigInt(firstId)).toBe(true);
    expect((await createPost(sandbox, ada.token, { text: "before restart" })).status).toBe(403);
  });

  it("writes after each change", async () => {
    sandbox = await startTestSandbox({ stateFile });
    await admin(sandbox, "POST", "/_admin/users", { name: "Ada", username: "ada" });
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { users: Array<{ username: string }> };

    expect(saved.users.map((user) => user.username)).toEqual(["ada"]);
  });

  it("refuses a corrupt file", async () => {
    writeFileSync(stateFile, "{ not json");

    await expect(startTestSandbox({ stateFile })).rejects.toThrow(/is not valid JSON/);
  });

  it("refuses a file of another layout", async () => {
    writeFileSync(stateFile, JSON.stringify({ version: 99 }));

    await expect(startTestSandbox({ stateFile })).rejects.toThrow(/unknown layout/);
  });
});

describe("startSandbox", () => {
  it("refuses to start in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(startSandbox({ port: 0 })).rejects.toThrow(/does not run when NODE_ENV=production/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("IdGenerator", () => {
  it("keeps growing when the clock goes back", () => {
    const ids = new IdGenerator();
    const now = Date.parse("2026-04-01T00:00:00Z");
    const first = ids.next(now);
    const second = ids.next(now - 60_000);

    expect(first).toMatch(/^[0-9]{19}$/);
    expect(BigInt(second)).toBe(BigInt(first) + 1n);
  });

  it("grows with time", () => {
    const ids = new IdGenerator();
    const first = ids.next(Date.parse("2026-04-01T00:00:00Z"));
    const later = ids.next(Date.parse("2026-04-01T00:00:01Z"));

    expect(BigInt(later) - BigInt(first)).toBe(1000n << 22n);
  });
});
