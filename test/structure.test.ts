// Structure of the cleaned text: the seeds' headings survive, clean text is a fixed point of
// cleanup, and no structure regex backtracks super-linearly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanup } from '../src/extract/cleanup.js';
import { structureRegexes } from '../src/extract/structure.js';
import { extract } from '../src/index.js';
import { haveShared, ROOT, SHARED } from './helpers.js';

const SEEDS = join(SHARED, 'seeds');
const FIXTURES = join(ROOT, 'fixtures');
const haveSeeds = haveShared();

const seedFiles = haveSeeds ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();

// The heading-like lines of the seeds, listed by hand (the only place they are written down):
// each must stay in the text, outside every truncated span and out of removed[].
const SEED_HEADINGS: Record<string, string[]> = {
  '000_4626fddd8fae9cd7.txt': ['Strategic cooperation signing ceremony'],
  '001_4b864d4986c97880.txt': ['Chery’s International User Summit: Leading the Way in Innovation and Humanitarian Initiatives'],
  '002_adac6dd914f153f7.txt': [
    "2025 Chery International User Summit: Shaping the Industry's Future Through Co-Creation and Innovation",
    'Co-Creation — Building an Open and Collaborative User Ecosystem',
    'Global Voices, Shared Stories',
    'Co-Define — Shaping the Strategic Blueprint for Intelligent Mobility',
    'Strategic Elevation Defines a New Paradigm for Intelligent Mobility',
    'Co-Create. Co-Define. Co-Win the Future.',
  ],
  '003_7826c9317809525f.txt': ["What's Happening?", "Why It's Important?", "What's Next?", 'Beyond the Headlines'],
  '004_6486de5ad8be9d58.txt': [],
};

/** Offset of the first line of `text` that is exactly `line`, or -1. */
function lineAt(text: string, line: string): number {
  let pos = 0;
  for (const l of text.split('\n')) {
    if (l === line) return pos;
    pos += l.length + 1;
  }
  return -1;
}

interface Gold {
  kind?: string;
  removed?: string[];
  truncated?: string[];
}

describe.skipIf(!haveSeeds)('seeds', () => {
  const runs = seedFiles.map((f) => {
    const raw = readFileSync(join(SEEDS, f), 'utf8');
    const gold = JSON.parse(readFileSync(join(SEEDS, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold;
    return { f, raw, gold, rec: extract(raw) };
  });

  it('every seed has its headings listed', () => {
    expect(Object.keys(SEED_HEADINGS).sort()).toEqual(seedFiles);
  });

  for (const { f, rec } of runs) {
    for (const h of SEED_HEADINGS[f] ?? []) {
      it(`${f}: heading kept, not cut off, not removed: ${h}`, () => {
        // the heading as a whole line of the text (it may also be quoted inside another line)
        const at = lineAt(rec.text, h);
        expect(at).toBeGreaterThanOrEqual(0);
        const end = at + h.length;
        expect(rec.truncated.filter((t) => t.start < end && t.end > at)).toEqual([]);
        expect(rec.removed.filter((r) => r.text.includes(h) || h.includes(r.text))).toEqual([]);
      });
    }
  }

  it('kind right on every seed', () => {
    const wrong = runs.filter((r) => r.gold.kind && r.rec.kind !== r.gold.kind).map((r) => r.f);
    expect(wrong).toEqual([]);
  });

  it('every line the gold removes is gone, every cut-off line the gold lists is flagged', () => {
    const problems: string[] = [];
    for (const { f, rec, gold } of runs) {
      for (const s of gold.removed ?? []) if (rec.text.includes(s)) problems.push(`${f}: not removed ${s.slice(0, 50)}`);
      for (const s of gold.truncated ?? []) {
        const i = rec.text.indexOf(s);
        const flagged = i >= 0 && rec.truncated.some((t) => t.end >= i + s.length - 2 && t.start <= i + s.length);
        const dropped = i < 0 && rec.removed.some((x) => x.text.includes(s) || s.includes(x.text));
        if (!flagged && !dropped) problems.push(`${f}: not flagged ${s.slice(0, 50)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('clean text is a fixed point of cleanup', () => {
  function twice(raw: string, lang: string) {
    const first = cleanup(raw, lang);
    const second = cleanup(first.text, lang);
    return { first, second };
  }

  const docs = [
    ...fixtureFiles.map((f) => ({ name: `fixtures/${f}`, text: readFileSync(join(FIXTURES, f), 'utf8'), lang: f.split('-')[1] })),
    ...seedFiles.map((f) => ({ name: `seeds/${f}`, text: readFileSync(join(SEEDS, f), 'utf8'), lang: 'und' })),
  ];
  for (const d of docs) {
    it(d.name, () => {
      for (const lang of [d.lang, 'und']) {
        const { first, second } = twice(d.text, lang);
        expect(second.text).toBe(first.text);
        expect(second.removed).toEqual([]);
      }
    });
  }

  // Random documents built from lines of the kinds the structure stage decides on.
  const vocab = ['the', 'company', 'said', 'of', 'Acme', 'Paris', 'growth', 'and', 'de', 'la', 'société', 'die', 'Firma',
    'mit', 'aus', 'el', 'para', 'uma', 'em', 'Chery', 'results', '2025', '12%', 'From', 'Le', 'former', 'issued'];
  const word = fc.constantFrom(...vocab);
  const sentence = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('.', '', ',', '?', ':', ' (', ' “', ' -', '…'))
    .map(([w, p]) => w.join(' ') + p);
  const heading = fc
    .array(fc.constantFrom('Global', 'Voices', 'Shared', 'Stories', 'What’s', 'Next?', 'Beyond', 'The', 'Future', 'Co-Create.'), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(' '));
  const furniture = fc.constantFrom(
    'SOURCE Acme Inc.', 'SOURCE', '###', '-30-', 'ENDS', 'View original content:https://example.com/x',
    'Comments are closed.', 'Share this article', 'Print', 'Read more: Something else', 'Lire aussi : autre chose',
    'Teilen', 'Compartir', 'Partilhar', 'CORRECTION -- Acme', '/C O R R E C T I O N -- Acme/', 'RECTIFICATIF',
    'UPDATE: Acme', 'About the author', 'I love writing and my passion is photography', 'Jane Roe is a freelance journalist.',
    'PARIS, 3 mars 2025 /PRNewswire/ -- La société', 'ZURICH--(BUSINESS WIRE)--Acme', 'Shanghai (Gasgoo) - Le groupe',
    'About Acme', 'Media contact: Jane Roe, press@acme.example', 'From', 'Le', '-', '•', '', '', '',
  );
  const noise = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 12 }).map((s) => `${s}a-`));
  const line = fc.oneof(
    { arbitrary: sentence, weight: 4 },
    { arbitrary: heading, weight: 2 },
    { arbitrary: furniture, weight: 4 },
    { arbitrary: noise, weight: 1 },
  );
  const doc = fc.array(line, { minLength: 1, maxLength: 25 }).map((ls) => ls.join('\n'));

  it('keeps a word hyphenated before a removed line apart from the next kept line on a second pass', () => {
    const once = cleanup('The partner-\nSOURCE Acme Inc.\nthe next line continues.', 'en');
    expect(once.removed.map((r) => r.text)).toEqual(['SOURCE Acme Inc.']);
    expect(cleanup(once.text, 'en').text).toBe(once.text);
  });

  it('on random documents (property)', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom('en', 'fr', 'de', 'es', 'pt', 'und'), (text, lang) => {
        const { first, second } = twice(text, lang);
        expect(second.text).toBe(first.text);
        expect(second.removed).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});

describe('no structure regex backtracks super-linearly', () => {
  const N = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  const inputs: [string, string][] = [
    ['spaces', fill(' ')],
    ['spaces then x', fill(' ').slice(1) + 'x'],
    ['letters', fill('a')],
    ['capitals', fill('A')],
    ['capitals then !', fill('A').slice(1) + '!'],
    ['digits', fill('1')],
    ['punctuation', fill('.,;:!?')],
    ['slashes', fill('/')],
    ['hyphens', fill('-')],
    ['dashes and spaces', fill('- ')],
    ['parens', fill('(')],
    ['SOURCE', fill('SOURCE ')],
    ['capitalised words', fill('Paris ')],
    ['capitalised words and commas', fill('Paris, ')],
    ['place and dash', fill('Paris Lyon -')],
    ['wire', fill('A--(B')],
    ['name is a', fill('Ann is a ')],
    ['at signs', fill('@')],
    ['http', fill('http://')],
    ['letters and dots', fill('abc. ')],
    ['quotes', fill('“„«"')],
    ['mixed', fill('Ab1 /-(.,')],
    ['accented capitals', fill('Aé')],
    ['month dates', fill('March 3, ')],
    ['connector dates', fill('3 de mayo de ')],
    ['first person', fill('I my passion ')],
  ];
  const langs = ['und', 'en', 'fr', 'de', 'es', 'pt'];
  const patterns = langs.flatMap((l) => structureRegexes(l)).filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);

  it('lists the patterns of every language', () => {
    expect(patterns.length).toBeGreaterThan(10);
    for (const l of langs) expect(patterns.some((p) => p.name.startsWith(`${l === 'und' ? '*' : l}:dateline`))).toBe(true);
  });

  for (const { name, re } of patterns) {
    it(name, () => {
      const slow: string[] = [];
      for (const [label, s] of inputs) {
        const t0 = performance.now();
        if (re.global) {
          re.lastIndex = 0;
          s.match(re);
        } else re.exec(s);
        const ms = performance.now() - t0;
        if (ms > 200) slow.push(`${label}: ${ms.toFixed(0)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }
});
