import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("/api/inngest route", () => {
  const previous = process.env.INNGEST_DEV;

  beforeAll(() => {
    process.env.INNGEST_DEV = "1";
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.INNGEST_DEV;
    else process.env.INNGEST_DEV = previous;
  });

  it("serves every function", async () => {
    const route = await import("@/app/api/inngest/route");
    const { NextRequest } = await import("next/server");

    const response = await route.GET(new NextRequest("http://localhost:3000/api/inngest"), undefined);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { function_count?: number; mode?: string };
    // Four functions, plus publish-thread's failure handler, which Inngest serves as a function of its own.
    expect(body.function_count).toBe(5);
    expect(body.mode).toBe("dev");
  });

  it("gives Vercel a duration limit", async () => {
    const route = await import("@/app/api/inngest/route");

    expect(route.maxDuration).toBe(60);
  });
});
