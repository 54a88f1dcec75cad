/** Pure helpers of the benchmark: percentiles and what an EXPLAIN (ANALYZE, FORMAT JSON) plan read. */

/** The p-th percentile (0..100) by nearest rank: the smallest sample with at least p % of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

/** A node of `EXPLAIN (ANALYZE, FORMAT JSON)` output, as far as the row count needs it. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** The nodes that read table rows. A Bitmap Index Scan is not one: its Bitmap Heap Scan reads (and counts) the rows. */
const SCAN_NODES = new Set([
  'Seq Scan',
  'Index Scan',
  'Index Only Scan',
  'Bitmap Heap Scan',
  'Tid Scan',
  'Tid Range Scan',
  'Sample Scan',
]);

export interface RowsRead {
  total: number;
  /** Rows read per table, largest first. */
  byTable: { table: string; rows: number }[];
}

/**
 * Rows the scan nodes of a plan read: (rows returned + rows removed by the filter and the index recheck) × loops.
 * EXPLAIN reports those three per loop (averaged), hence the product; parallel workers are loops too.
 */
export function rowsRead(plan: PlanNode): RowsRead {
  const tables = new Map<string, number>();
  const visit = (node: PlanNode): void => {
    if (SCAN_NODES.has(node['Node Type'])) {
      const perLoop =
        (node['Actual Rows'] ?? 0) +
        (node['Rows Removed by Filter'] ?? 0) +
        (node['Rows Removed by Index Recheck'] ?? 0);
      const rows = Math.round(perLoop * (node['Actual Loops'] ?? 1));
      const table = node['Relation Name'] ?? '?';
      tables.set(table, (tables.get(table) ?? 0) + rows);
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  const byTable = [...tables].map(([table, rows]) => ({ table, rows })).sort((a, b) => b.rows - a.rows);
  return { total: byTable.reduce((s, x) => s + x.rows, 0), byTable };
}

/** `[{ Plan, Planning Time, Execution Time }]`, the shape of one EXPLAIN (FORMAT JSON) result. */
export function planOf(explainJson: unknown): PlanNode {
  const parsed: unknown = typeof explainJson === 'string' ? JSON.parse(explainJson) : explainJson;
  const first = Array.isArray(parsed) ? (parsed[0] as { Plan?: PlanNode } | undefined) : undefined;
  if (!first?.Plan) throw new Error('not an EXPLAIN (FORMAT JSON) result');
  return first.Plan;
}

/** Two letters in the middle swapped (García -> Gacría): the typo the trigram search must forgive. */
export function misspell(word: string): string {
  for (let i = Math.floor(word.length / 2) - 1; i >= 1 && i + 1 < word.length; i--)
    if (word[i] !== word[i + 1]) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return `${word}e`;
}
