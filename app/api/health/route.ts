import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { getLogger } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ database: "ok" });
  } catch (error) {
    // Drizzle wraps the driver's error; the cause has the useful code and message.
    const cause = (error as { cause?: unknown }).cause ?? error;
    const code = (cause as { code?: unknown }).code;
    getLogger().error({ err: cause }, "health check: the database query failed");
    // The public response names the error code only, because the message can contain host and database names.
    const reason =
      typeof code === "string"
        ? `database error ${code}; the server log has the details`
        : "database query failed";

    return Response.json({ database: "unavailable", reason }, { status: 503 });
  }
}
