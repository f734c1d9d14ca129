// Distinct, realistic documents for batch tests: the project's fixtures with their numbers, years
// and days varied per copy, so every copy has its own text (and record id) but reads like a release.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const FIXTURES = join(ROOT, 'fixtures');

export function fixtureTexts(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
}

/** `n` distinct documents, each at most `maxChars` long (cut at a paragraph break). */
export function variedDocuments(n: number, maxChars = 4000): string[] {
  const base = fixtureTexts();
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let text = base[k % base.length];
    const round = Math.floor(k / base.length) + 1;
    // Shift every number by the copy's round: counts, amounts, days and years all change.
    text = text.replace(/\d{1,6}/g, (d) => String(Number(d) + round));
    if (text.length > maxChars) {
      const cut = text.lastIndexOf('\n\n', maxChars);
      text = text.slice(0, cut > maxChars / 2 ? cut : maxChars);
    }
    out.push(text);
  }
  return out;
}
