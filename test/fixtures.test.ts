// The project's own regression fixtures: `pressx check fixtures` passes, every expected record
// validates against the schema, and every span of every record reads what it says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PressRecord } from '../src/export/schema.js';
import { pressx, ROOT, schemaErrors, spanProblems, spansOf } from './helpers.js';

const dir = join(ROOT, 'fixtures');
const names = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort();
const records = names.map((f) => ({ name: f, record: JSON.parse(readFileSync(join(dir, f), 'utf8')) as PressRecord }));

describe('fixtures', () => {
  it('has at least 12 articles, each with an expected record', () => {
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(texts.length).toBeGreaterThanOrEqual(12);
    expect(names.map((n) => n.replace('.expected.json', '.txt')).sort()).toEqual(texts.sort());
  });

  it('covers English, French and at least one of German, Spanish, Portuguese, and a correction', () => {
    const langs = new Set(records.map((r) => r.record.language.code));
    expect(langs).toContain('en');
    expect(langs).toContain('fr');
    expect(['de', 'es', 'pt'].some((l) => langs.has(l))).toBe(true);
    expect(records.some((r) => r.record.kind === 'correction')).toBe(true);
  });

  it.each(records)('$name validates against the zod schema and the JSON Schema', ({ record }) => {
    expect(PressRecord.safeParse(record).error?.message).toBeUndefined();
    expect(schemaErrors(record)).toBe('');
    expect(record.status).toBe('ok');
  });

  it.each(records)('$name: record.text.slice(start, end) === text for every span', ({ record }) => {
    expect(spansOf(record).length).toBeGreaterThan(0);
    expect(spanProblems(record)).toEqual([]);
  });

  it('pressx check fixtures reports no difference', () => {
    const r = pressx(['check', 'fixtures']);
    expect(r.stdout).toMatch(/unchanged, 0 changed, 0 new/);
    expect(r.code, r.stdout).toBe(0);
  });
});
