import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const lint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string): Promise<string[]> {
  const [result] = await lint.lintText(code, { filePath: "lib/example.ts" });
  return (result?.messages ?? []).map((message) => message.ruleId ?? "");
}

describe("Drizzle lint rules", () => {
  it("reject delete without where", async () => {
    expect(await ruleIdsFor("export const run = (db: any, t: any) => db.delete(t);\n")).toContain(
      "drizzle/enforce-delete-with-where",
    );
  });

  it("reject update without where", async () => {
    expect(
      await ruleIdsFor("export const run = (tx: any, t: any) => tx.update(t).set({ a: 1 });\n"),
    ).toContain("drizzle/enforce-update-with-where");
  });

  it("reject delete on getDb() without where", async () => {
    expect(
      await ruleIdsFor("declare const getDb: any;\nexport const run = (t: any) => getDb().delete(t);\n"),
    ).toContain("drizzle/enforce-delete-with-where");
  });

  it("accept delete with where", async () => {
    expect(
      await ruleIdsFor("export const run = (db: any, t: any, c: any) => db.delete(t).where(c);\n"),
    ).not.toContain("drizzle/enforce-delete-with-where");
  });
});
