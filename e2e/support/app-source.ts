import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * What the browser suite reads from the web app's source without importing it (e2e depends on no app project):
 * the route patterns of route-config.tsx, a few `as const` lists, and the en/es strings of the locale files.
 */
const WEB_SRC = 'apps/web/src';

function parse(file: string): ts.SourceFile {
  const path = join(WEB_SRC, file);
  return ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties)
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
  return undefined;
}

/** The initializer of `export const <name> = ...` (without `as const`). */
function constInitializer(source: ts.SourceFile, name: string): ts.Expression {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) {
        let init = d.initializer;
        while (ts.isAsExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
        return init;
      }
    }
  }
  throw new Error(`${source.fileName}: no "const ${name}"`);
}

/** `export const NAME = ['a', 'b'] as const` in `file`, as its strings. */
export function constStringList(file: string, name: string): string[] {
  const init = constInitializer(parse(file), name);
  if (!ts.isArrayLiteralExpression(init)) throw new Error(`${file}: ${name} is not an array literal`);
  return init.elements.map((e) => {
    if (!ts.isStringLiteral(e)) throw new Error(`${file}: ${name} holds a non-literal: ${e.getText()}`);
    return e.text;
  });
}

/**
 * Every screen's route pattern in app/route-config.tsx, as a full path: `/`, `/referrals/:id`, `*` ... Layout routes
 * (those with children) are not screens; an index route is its parent's path. `paths.x.slice(1)` is read from
 * app/paths.ts. Anything else in a `path` fails, so a change of the config's shape cannot silently drop a route.
 */
export function appRoutePatterns(): string[] {
  const pathsObject = constInitializer(parse('app/paths.ts'), 'paths');
  if (!ts.isObjectLiteralExpression(pathsObject))
    throw new Error('app/paths.ts: paths is not an object literal');
  const named = new Map<string, string>();
  for (const p of pathsObject.properties)
    if (ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer))
      named.set(p.name.getText(), p.initializer.text);

  const value = (e: ts.Expression): string => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isPropertyAccessExpression(e) && e.expression.getText() === 'paths') {
      const v = named.get(e.name.text);
      if (v === undefined) throw new Error(`route-config: unknown paths.${e.name.text}`);
      return v;
    }
    if (
      ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      e.expression.name.text === 'slice' &&
      e.arguments.length === 1 &&
      e.arguments[0] !== undefined &&
      ts.isNumericLiteral(e.arguments[0])
    )
      return value(e.expression.expression).slice(Number(e.arguments[0].text));
    throw new Error(`route-config: a path this test cannot read: ${e.getText()}`);
  };
  const join = (parent: string, own: string): string => {
    if (own.startsWith('/') || own === '*') return own === '*' ? '*' : own;
    return `${parent.replace(/\/$/, '')}/${own}`;
  };

  const patterns: string[] = [];
  const visit = (route: ts.ObjectLiteralExpression, parent: string) => {
    const pathExpr = property(route, 'path');
    const index = property(route, 'index');
    const path = pathExpr ? join(parent, value(pathExpr)) : parent;
    const children = property(route, 'children');
    if (children) {
      if (!ts.isArrayLiteralExpression(children))
        throw new Error('route-config: children is not an array literal');
      for (const child of children.elements) {
        if (!ts.isObjectLiteralExpression(child))
          throw new Error(`route-config: a route this test cannot read`);
        visit(child, path);
      }
      return;
    }
    if (!pathExpr && !index) throw new Error(`route-config: a leaf route without a path: ${route.getText()}`);
    patterns.push(path || '/');
  };
  const routes = constInitializer(parse('app/route-config.tsx'), 'routes');
  if (!ts.isArrayLiteralExpression(routes)) throw new Error('route-config: routes is not an array literal');
  for (const r of routes.elements) {
    if (!ts.isObjectLiteralExpression(r)) throw new Error('route-config: a route this test cannot read');
    visit(r, '');
  }
  return patterns;
}

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [key, v] of Object.entries(tree)) {
    const k = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'string') out.set(k, v);
    else flatten(v, k, out);
  }
  return out;
}

/** Every string of the locale files, by `file.key.path`, for one language. */
export function localeStrings(locale: 'en' | 'es'): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(WEB_SRC, 'locales', locale);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree, file.replace(/\.json$/, ''), out);
  return out;
}
