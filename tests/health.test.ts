import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { resetConfigCache } from "@/lib/config";
import { closeDb } from "@/lib/db";
import { setupTestDatabase } from "./helpers/database";

setupTestDatabase();

describe("GET /api/health", () => {
  it("answers 200 when the database responds", async () => {
    const response = await GET();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ database: "ok" });
  });

  it("answers 503 with a reason when the database is down", async () => {
    const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
    await closeDb();
    // Port 1 on loopback refuses connections, so the query fails at once.
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
    resetConfigCache();

    try {
      const response = await GET();
      const body = (await response.json()) as { database: string; reason: string };

      expect(response.status).toBe(503);
      expect(body.database).toBe("unavailable");
      expect(body.reason).not.toBe("");
    } finally {
      await closeDb();
      process.env.DATABASE_URL = saved.url;
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      resetConfigCache();
    }
  });
});
