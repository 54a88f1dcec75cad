/** A CHECK expression restricting a text column to a fixed list (enums are checked text, not PG enums). */
export function oneOf(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
}
