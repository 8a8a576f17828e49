import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ database: "ok" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Response.json({ database: "unavailable", reason }, { status: 503 });
  }
}
