// The pipeline as a library: one record per document, the stage order, reference dates, offsets,
// messages with places, failure of a stage, and long adversarial input.
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { createPipeline, extract, EXTRACT, PREPARE, RecordSchema } from '../src/index.js';
import { runStage, StageError } from '../src/extract/stages.js';
import { sha256 } from '../src/ingest/sources.js';
import type { Stage } from '../src/stage.js';
import { spanProblems } from './helpers.js';

const RELEASE = `Lumen Harbour Opens Second Battery Plant

OSLO, Norway, April 2, 2025 /PRNewswire/ -- Lumen Harbour ASA said on Wednesday it had opened a
second battery plant in Trondheim, raising its capacity to 4.5 GWh a year. The plant cost NOK 1.2
billion and employs more than 300 people. Chief Executive Officer Ingrid Solberg said sales rose 14%
last year.

View original content: https://www.prnewswire.com/news-releases/lumen-harbour-301234567.html
SOURCE Lumen Harbour ASA`;

describe('stage order', () => {
  it('declares each stage once, and every stage reads only what an earlier stage (or ingest) assigned', () => {
    const assigned = new Set<string>(['options', 'source', 'input', 'raw']);
    const names = [...PREPARE, ...EXTRACT].map((s) => s.name);
    expect(names).toEqual(['language', 'cleanup', 'segment', 'entities', 'dates', 'figures']);
    for (const stage of [...PREPARE, ...EXTRACT]) {
      for (const r of stage.requires) expect(assigned.has(r), `${stage.name} requires ${r}`).toBe(true);
      for (const a of stage.assigns) assigned.add(a);
    }
  });
});

describe('extract()', () => {
  const record = extract(RELEASE, { uri: 'lumen.txt' });

  it('produces a valid ok record whose id is the sha256 of its text', () => {
    expect(RecordSchema.safeParse(record).success).toBe(true);
    expect(record.status).toBe('ok');
    expect(record.id).toBe(sha256(record.text));
    expect(record.source).toMatchObject({ uri: 'lumen.txt', encoding: 'utf-8' });
    expect(record.language.code).toBe('en');
  });

  it('cleans before extracting: the trailer is removed and every offset indexes the cleaned text', () => {
    expect(record.text).not.toContain('View original content');
    expect(record.removed.map((r) => r.reason)).toContain('boilerplate');
    expect(spanProblems(record)).toEqual([]);
    expect(record.figures.map((f) => f.text)).toContain('14%');
  });

  it('takes the reference date from the option, then the input, then the dateline', () => {
    expect(record.published).toBe('2025-04-02');
    expect(extract(RELEASE, { published: '2025-05-01' }).published).toBe('2025-05-01');
    expect(extract(RELEASE, { published: '2025-05-01', referenceDate: '2025-06-30' }).published).toBe('2025-06-30');
    const lastYear = extract(RELEASE, { referenceDate: '2025-06-30' }).dates.find((d) => d.text === 'last year');
    expect(lastYear?.value).toBe('2024');
  });

  it('still extracts facts inside a line that is cut off mid-sentence', () => {
    const cut = extract(`Northwind Ferries Ltd. reported record traffic on Tuesday.
The company said it would invest $40 million in two new vessels built with
Passenger numbers rose 9% to 1.4 million last year, the company said.`);
    const line = 'The company said it would invest $40 million in two new vessels built with';
    const start = cut.text.indexOf(line);
    expect(cut.truncated.some((t) => t.start <= start && t.end >= start + line.length - 1)).toBe(true);
    const money = cut.figures.find((f) => f.kind === 'money');
    expect(money).toMatchObject({ value: 40_000_000, unit: 'USD' });
    expect(money!.start).toBeGreaterThanOrEqual(start);
  });

  it('rejects a malformed reference date up front', () => {
    expect(() => createPipeline({ referenceDate: '30/06/2025' })).toThrow(/YYYY-MM-DD/);
  });

  it('uses the forced language without detecting', () => {
    expect(extract(RELEASE, { lang: 'nl' }).language).toEqual({ code: 'nl', confidence: 1 });
  });

  it('reports short text as a warning and empty text as an error record', () => {
    expect(extract('Acme opens office.').warnings.map((w) => w.code)).toContain('short-text');
    const empty = extract(' \n ');
    expect(empty).toMatchObject({ status: 'error', error: { code: 'empty' }, text: '' });
    expect(RecordSchema.safeParse(empty).success).toBe(true);
  });
});

describe('one record per document', () => {
  it('turns a stage failure into an error record naming the stage, and goes on', () => {
    const pipeline = createPipeline();
    const failing: Stage = { name: 'boom', requires: [], assigns: [], run: () => { throw new Error('kaput'); } };
    const file = new VFile({ value: 'text' });
    expect(() => runStage(failing, file)).toThrow(StageError);
    expect(() => runStage(failing, file)).toThrow('stage "boom" failed: kaput');
    // A pipeline keeps working on the next documents whatever came before.
    const docs = ['', RELEASE, '\u0000\u0001\u0002'.repeat(100), 'Court texte.'];
    const records = docs.map((text, i) => pipeline.process({ uri: `d${i}`, text }).record);
    expect(records.map((r) => r.status)).toEqual(['error', 'ok', 'error', 'ok']);
    expect(records.map((r) => r.error?.code ?? null)).toEqual(['empty', null, 'binary', null]);
    expect(records.map((r) => r.source.uri)).toEqual(['d0', 'd1', 'd2', 'd3']);
  });

  it('records decode warnings and source facts for byte input', () => {
    const bytes = new Uint8Array(Buffer.from('Soci\xe9t\xe9 G\xe9n\xe9rale ouvre un bureau \xe0 Lyon.', 'latin1'));
    const { record, file } = createPipeline().process({ uri: 'cp.txt', bytes, sha256: sha256(bytes), size: bytes.length });
    expect(record.source).toEqual({ uri: 'cp.txt', sha256: sha256(bytes), bytes: bytes.length, encoding: 'windows-1252' });
    expect(record.text).toContain('Société Générale');
    expect(record.warnings[0]).toMatchObject({ code: 'decode-fallback' });
    expect(file.messages[0].source).toBe('pressx:decode');
  });
});

describe('adversarial input', () => {
  it.each([
    ['one 100 kB word', 'x'.repeat(100_000)],
    ['100 kB of digits and separators', '1,2.3 '.repeat(17_000)],
    ['100 kB of capitalized words', 'Acme Co. Ltd. Inc. '.repeat(5_300)],
    ['100 kB of month names', 'May June 12 2024 Q3 '.repeat(5_000)],
    ['100 kB of mojibake', 'Ã©â€™'.repeat(16_000)],
    ['100 kB of markup', '<p><b>&amp;'.repeat(9_000)],
    ['100 kB without spaces or newlines in French', 'àéèêç'.repeat(20_000)],
  ])('%s yields one record with valid spans', (_name, text) => {
    const record = extract(text);
    expect(['ok', 'error']).toContain(record.status);
    expect(spanProblems(record)).toEqual([]);
  });
});
