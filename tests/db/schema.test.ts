import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../helpers/database";

const database = setupTestDatabase();

async function primaryKeyColumns(table: string): Promise<string[]> {
  const result = await database.db.execute<{ column_name: string }>(sql`
    select kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name
    where tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
    order by kcu.ordinal_position`);
  const rows = Array.isArray(result) ? result : (result as { rows: { column_name: string }[] }).rows;
  return rows.map((row) => row.column_name);
}

describe("migrated schema", () => {
  it("gives account its composite primary key", async () => {
    expect(await primaryKeyColumns("account")).toEqual(["provider", "providerAccountId"]);
  });

  it("gives verificationToken its composite primary key", async () => {
    expect(await primaryKeyColumns("verificationToken")).toEqual(["identifier", "token"]);
  });

  it("rejects a second account row for one X user", async () => {
    await database.db.execute(sql`insert into "user" (id, name) values ('u1', 'Ada')`);
    const insertAccount = sql`insert into account ("userId", type, provider, "providerAccountId") values ('u1', 'oauth', 'twitter', '42')`;
    await database.db.execute(insertAccount);

    await expect(database.db.execute(insertAccount)).rejects.toThrow();
  });

  it("stores instants as timestamptz", async () => {
    const result = await database.db.execute<{ data_type: string }>(sql`
      select data_type from information_schema.columns
      where table_name = 'thread' and column_name = 'publish_at'`);
    const rows = Array.isArray(result) ? result : (result as { rows: { data_type: string }[] }).rows;

    expect(rows[0]?.data_type).toBe("timestamp with time zone");
  });
});
