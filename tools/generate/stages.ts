/**
 * A SELECT computed in stages: each stage adds columns computed from the columns of the stages before it. Every
 * stage is fenced (`OFFSET 0`) so the planner does not inline a column into later expressions and evaluate its
 * hashes again for each use.
 */
export function stages(first: string, rest: readonly string[]): string {
  let sql = first;
  rest.forEach((columns, k) => {
    sql = `SELECT s${k}.*, ${columns} FROM (${sql} OFFSET 0) s${k}`;
  });
  return sql;
}

/**
 * Several rows of different kinds from each source row, without `LATERAL (VALUES ...)` (PostgreSQL prepares the
 * expressions of such a list again for every source row): the caller joins a row number `num` (1..rows.length, see
 * `fanJoin`) and every column picks its row's expression with CASE. A row kind exists for a source row when its
 * `when` holds: the output column `e_keep` says so (filter on it outside a fenced subquery), and the other columns are
 * not computed for kinds that do not exist. Columns a kind does not name are NULL.
 */
export function fan(
  num: string,
  rows: readonly ({ when: string } & Partial<Record<string, string>>)[],
): string {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((x) => x !== 'when');
  const keep = `CASE ${num} ${rows.map((r, k) => `WHEN ${k + 1} THEN coalesce(${r.when}, false)`).join(' ')} END AS e_keep`;
  const columns = names.map((name) => {
    const arms = rows
      .map((r, k) =>
        r[name] === undefined ? '' : `WHEN ${k + 1} THEN CASE WHEN ${r.when} THEN ${r[name]} END`,
      )
      .join(' ');
    return `CASE ${num} ${arms} END AS ${name}`;
  });
  return [keep, ...columns].join(',\n           ');
}

/**
 * The join that numbers the rows `fan` makes: lateral (it names a column of the source row), so each source row's
 * rows come together, in the source's order (ids are then written in order), after any join the source needs.
 */
export const fanJoin = (count: number, sourceColumn: string): string =>
  `CROSS JOIN LATERAL generate_series(1, ${count} + least(0, ${sourceColumn})) e(n)`;
