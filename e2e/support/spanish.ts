import type { Page } from 'playwright-core';
import { localeStrings } from './app-source';

/**
 * The English strings that must not show on a Spanish page: every value of the en locale files whose es value
 * differs. Left out, because a Spanish page may show them rightly: a string that is also some Spanish value (a
 * shared word such as "No"), and a template whose literal text has fewer than four letters (it would match anything).
 * A template (`{{count}} referrals waiting`) becomes a pattern of the whole text.
 */
export interface EnglishStrings {
  exact: Set<string>;
  patterns: { pattern: RegExp; source: string }[];
  /** How many en strings have a Spanish translation that differs (before the exclusions above). */
  translated: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /\{\{[^}]+\}\}/g;
const HAS_PLACEHOLDER = /\{\{[^}]+\}\}/;
/** Placeholders that hold a number: they match no letters, so "{{value}} hours" is not a record's "… education hours". */
const NUMERIC =
  /^\{\{\s*(count|total|max|min|n|value|version|overdue|attended|scheduled|required|shown|loaded|seq|current|attempts|cases|planned|percent|participants|numerator|needed|limit|later|year|quarter|achieved|goals)\s*(,\s*number)?\s*\}\}$|,\s*number\s*\}\}$/;

/** A template as a pattern of the whole text: literal parts as they are, each placeholder as what it can hold. */
function templatePattern(value: string): RegExp {
  const placeholders = value.match(PLACEHOLDER) ?? [];
  const source = value
    .split(PLACEHOLDER)
    .map((literal, i) => {
      const placeholder = placeholders[i];
      const slot = placeholder === undefined ? '' : NUMERIC.test(placeholder) ? '[^\\p{L}]+?' : '.+?';
      return escape(literal) + slot;
    })
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

export function englishStrings(): EnglishStrings {
  const en = localeStrings('en');
  const es = localeStrings('es');
  const spanish = new Set([...es.values()].map(norm));
  const exact = new Set<string>();
  const patterns: EnglishStrings['patterns'] = [];
  let translated = 0;
  for (const [key, raw] of en) {
    const value = norm(raw);
    if (value === norm(es.get(key) ?? '')) continue;
    translated += 1;
    if (spanish.has(value) || !/\p{L}/u.test(value)) continue;
    if (!HAS_PLACEHOLDER.test(value)) {
      exact.add(value);
      continue;
    }
    const literal = value.replace(PLACEHOLDER, '');
    if ((literal.match(/\p{L}/gu) ?? []).length < 4) continue;
    const pattern = templatePattern(value);
    // A template that also reads as some Spanish string is no proof of English.
    if ([...spanish].some((s) => pattern.test(s.replace(PLACEHOLDER, 'x')))) continue;
    patterns.push({ pattern, source: value });
  }
  return { exact, patterns, translated };
}

/**
 * The text a person meets on the page as it is now: visible text nodes, placeholders, accessible names given as
 * attributes (aria-label, title, alt) and the options of visible selects. Text inside an element marked with another
 * language (`lang="en"`, such as a family sheet printed in the guardian's language) is left out: it says what it is.
 */
export async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true });
    const otherLanguage = (el: Element) => {
      const marked = el.closest('[lang]');
      return (
        !!marked && marked !== document.documentElement && !marked.getAttribute('lang')?.startsWith('es')
      );
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.nodeValue?.replace(/\s+/g, ' ').trim();
      // A chart's label is one <text>, wrapped into <tspan> lines: read below as a whole.
      if (!el || !text || el.closest('script, style, noscript, option, svg text')) continue;
      if (shown(el) && !otherLanguage(el)) out.push(text);
    }
    for (const label of Array.from(document.body.querySelectorAll('svg text'))) {
      if (!shown(label) || otherLanguage(label)) continue;
      const lines = label.querySelectorAll('tspan');
      const parts = lines.length
        ? Array.from(lines).map((t) => t.textContent ?? '')
        : [label.textContent ?? ''];
      const text = parts.join(' ').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(
      document.body.querySelectorAll('[placeholder], [aria-label], [title], img[alt]'),
    )) {
      if (!shown(el) || otherLanguage(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(attr)?.replace(/\s+/g, ' ').trim();
        if (value) out.push(value);
      }
    }
    for (const select of Array.from(document.body.querySelectorAll('select'))) {
      if (!shown(select) || otherLanguage(select)) continue;
      for (const option of Array.from(select.options)) {
        const text = option.text.replace(/\s+/g, ' ').trim();
        if (text) out.push(text);
      }
    }
    return out;
  });
}

/**
 * The English strings of `english` that the page shows, each once. A text in `data` is a record's own words, not
 * the interface's (a community event titled "Shoe and sock drive", a catalog entry without a Spanish label): it is
 * counted in `dataSeen` instead.
 */
export function englishOn(
  texts: string[],
  english: EnglishStrings,
  data: ReadonlySet<string> = new Set(),
  dataSeen: Set<string> = new Set(),
): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (data.has(text)) {
      if (english.exact.has(text) || english.patterns.some((p) => p.pattern.test(text))) dataSeen.add(text);
      continue;
    }
    if (english.exact.has(text)) found.add(text);
    else {
      const hit = english.patterns.find((p) => p.pattern.test(text));
      if (hit) found.add(`${text} (from "${hit.source}")`);
    }
  }
  return [...found];
}
