import type postgres from "postgres";
import type { LoggedQuery } from "./app-database";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** Scan nodes in plan order, such as `Index Scan thread (thread_due_idx)`. */
  scans: string[];
  /** Sequential scans of the tables that grow with users and threads. */
  seqScansOnLargeTables: string[];
  executionMs: number;
}

/** Tables whose row counts grow with users and threads; a sequential scan of them does not scale. */
export const LARGE_TABLES = new Set(["thread", "thread_post", "account", "user", "session"]);

function collectScans(node: PlanNode, scans: PlanNode[]): void {
  if (node["Relation Name"] || node["Index Name"]) scans.push(node);
  for (const child of node.Plans ?? []) collectScans(child, scans);
}

function describeScan(node: PlanNode): string {
  const index = node["Index Name"] ? ` (${node["Index Name"]})` : "";

  const relation = node["Relation Name"] ? ` ${node["Relation Name"]}` : "";

  return `${node["Node Type"]}${relation}${index}`;
}

/** Runs EXPLAIN (ANALYZE, FORMAT JSON) on a statement the app sent, with its parameters, and lists its scans. */
export async function explainQuery(sql: postgres.Sql, query: LoggedQuery): Promise<PlanSummary> {
  const rows = await sql.unsafe(
    `explain (analyze, format json) ${query.sql}`,
    query.parameters as postgres.ParameterOrJSON<never>[],
  );
  const [explained] = (
    rows[0] as unknown as { "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }
  )["QUERY PLAN"];
  const nodes: PlanNode[] = [];
  collectScans(explained.Plan, nodes);

  return {
    scans: nodes.map(describeScan),
    seqScansOnLargeTables: nodes
      .filter((node) => node["Node Type"] === "Seq Scan" && LARGE_TABLES.has(node["Relation Name"] ?? ""))
      .map(describeScan),
    executionMs: explained["Execution Time"],
  };
}
