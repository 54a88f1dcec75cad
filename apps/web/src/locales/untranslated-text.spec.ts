import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * A lint that reads the source (STYLE.md: every visible string goes through i18n; dates and numbers through Intl):
 * no words written straight into JSX, and no Intl formatter or toLocale*String call left to the browser's language.
 */
const SRC = join(__dirname, '..');

/** Attributes a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'title',
  'placeholder',
  'label',
  'description',
  'alt',
  'error',
  'message',
  'confirmLabel',
  'submitLabel',
  'reloadLabel',
]);

/** Text with letters that is not a word to translate. Keep short: symbols and codes only. */
const NOT_WORDS = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface Finding {
  at: string;
  text: string;
}

const hasLetters = (text: string) => /\p{L}/u.test(text) && !NOT_WORDS.has(text);

function scan(file: string, visit: (node: ts.Node, at: () => string) => void): void {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const walk = (node: ts.Node) => {
    visit(
      node,
      () => `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
    );
    ts.forEachChild(node, walk);
  };
  walk(source);
}

const stringOf = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

const files = sourceFiles(SRC);

test('finds the source files it checks', () => {
  expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(100);
});

test('no JSX text or visible attribute is written in one language: every string goes through t()', () => {
  const findings: Finding[] = [];
  for (const file of files.filter((f) => f.endsWith('.tsx'))) {
    scan(file, (node, at) => {
      if (ts.isJsxText(node)) {
        const text = node.getText().trim();
        if (hasLetters(text)) findings.push({ at: at(), text });
        return;
      }
      // {'Some words'} as a child of an element.
      if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
        const text = stringOf(node.expression);
        if (text !== null && hasLetters(text)) findings.push({ at: at(), text });
        return;
      }
      if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
        const init = node.initializer;
        const text = init && ts.isJsxExpression(init) ? stringOf(init.expression) : stringOf(init);
        if (text !== null && hasLetters(text))
          findings.push({ at: at(), text: `${node.name.getText()}="${text}"` });
      }
    });
  }
  expect(findings).toEqual([]);
});

test('every date and number formatter is given the language it formats for', () => {
  const findings: Finding[] = [];
  for (const file of files) {
    scan(file, (node, at) => {
      // new Intl.NumberFormat() / new Intl.DateTimeFormat(undefined, …): the browser's language, not the person's.
      if (
        ts.isNewExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.expression.getText() === 'Intl'
      ) {
        const [locale] = node.arguments ?? [];
        if (!locale || locale.getText() === 'undefined') findings.push({ at: at(), text: node.getText() });
        return;
      }
      // date.toLocaleDateString() and the like without a locale.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        /^toLocale(Date|Time)?String$/.test(node.expression.name.text)
      ) {
        const [locale] = node.arguments;
        if (!locale || locale.getText() === 'undefined') findings.push({ at: at(), text: node.getText() });
      }
    });
  }
  expect(findings).toEqual([]);
});
