/** SQL parameters collected while a query is built: `add` returns the `$n` placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The youth-name search on `y.name_norm` (`term` is the placeholder of the typed text): close names through the
 * trigram index, or names holding the normalized term. `%` and `\` in the term match themselves, so a search for
 * "%" lists nobody rather than everyone, and a term that normalizes to nothing (only punctuation) matches no one.
 */
export function nameMatchSql(term: string): string {
  const norm = `f_name_norm(${term})`;
  const literal = `replace(replace(${norm}, '\\', '\\\\'), '%', '\\%')`;
  return `(${norm} <> '' AND (y.name_norm % ${norm} OR y.name_norm LIKE '%' || ${literal} || '%'))`;
}
