// End-to-end tests of the built CLI (npm test builds dist/ first).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PressRecord } from '../src/export/schema.js';
import { parseNdjson, pressx, schemaErrors, spanProblems } from './helpers.js';

const EN = `Helios Grid Ltd. (“Helios”) said on Tuesday that it will build a 120 MW solar park near Seville, Spain.
The company, which operates in more than 14 countries, expects revenue of $45 million in 2026, up 18% on last year.
Chief Executive Officer Dana Whitcombe said the park would power about 60,000 homes.`;

const FR = `PARIS, 3 mars 2025 -- La société Vignoble Numérique SAS a annoncé une levée de fonds de 12 millions d'euros.
L'entreprise compte près de 200 salariés en France et en Belgique et vise une croissance de 15 % en 2026.`;

describe('pressx run', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pressx-cli-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', '01-en.txt'), EN);
    writeFileSync(join(dir, 'in', '02-fr.txt'), FR);
    writeFileSync(join(dir, 'in', '03-empty.txt'), '');
    writeFileSync(join(dir, 'in', '04-blank.txt'), '  \n\t\n ');
    writeFileSync(join(dir, 'in', '05-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    writeFileSync(join(dir, 'in', '06-archive.txt'), Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]));
    writeFileSync(join(dir, 'in', '07-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EN, 'utf16le')]));
    writeFileSync(join(dir, 'in', '08-cp1252.txt'), Buffer.from('Caf\xe9 Lumi\xe8re SARL ouvre trois caf\xe9s \x96 Lyon et Nantes.', 'latin1'));
    writeFileSync(
      join(dir, 'in', '09-batch.jsonl'),
      [JSON.stringify({ id: 'j1', text: EN, published: '2025-11-04' }), '{"id": "j2", "text": ', JSON.stringify({ id: 'j3', text: FR })].join('\n') + '\n',
    );
  });

  it('writes one record per input document, error records for bad input, and exits 1', () => {
    const out = join(dir, 'out.ndjson');
    const r = pressx(['run', join(dir, 'in'), join(dir, 'missing.txt'), '--out', out]);
    expect(r.code).toBe(1);
    const records = parseNdjson(readFileSync(out, 'utf8'));
    const byUri = new Map(records.map((x) => [x.source.uri.split('/').pop()!, x]));
    expect(records).toHaveLength(12);
    expect(byUri.get('01-en.txt')).toMatchObject({ status: 'ok', language: { code: 'en' }, source: { encoding: 'utf-8' } });
    expect(byUri.get('02-fr.txt')).toMatchObject({ status: 'ok', language: { code: 'fr' } });
    expect(byUri.get('03-empty.txt')).toMatchObject({ status: 'error', error: { code: 'empty' } });
    expect(byUri.get('04-blank.txt')).toMatchObject({ status: 'error', error: { code: 'empty' } });
    expect(byUri.get('05-image.txt')?.error?.message).toMatch(/PNG image/);
    expect(byUri.get('06-archive.txt')).toMatchObject({ status: 'error', error: { code: 'binary' } });
    expect(byUri.get('07-utf16.txt')).toMatchObject({ status: 'ok', source: { encoding: 'utf-16le' }, text: byUri.get('01-en.txt')!.text });
    const cp = byUri.get('08-cp1252.txt')!;
    expect(cp).toMatchObject({ status: 'ok', source: { encoding: 'windows-1252' } });
    expect(cp.text).toContain('Café Lumière');
    expect(cp.warnings.map((w) => w.code)).toContain('decode-fallback');
    expect(byUri.get('j1')).toMatchObject({ status: 'ok', published: '2025-11-04' });
    expect(byUri.get('09-batch.jsonl:2')).toMatchObject({ status: 'error', error: { code: 'bad-json' } });
    expect(byUri.get('09-batch.jsonl:2')!.error!.message).toContain('line 2');
    expect(byUri.get('j3')).toMatchObject({ status: 'ok' });
    expect(byUri.get('missing.txt')).toMatchObject({ status: 'error', error: { code: 'not-found' } });
    // The same text from two sources has the same id.
    expect(byUri.get('01-en.txt')!.id).toBe(byUri.get('07-utf16.txt')!.id);
    for (const rec of records) {
      expect(schemaErrors(rec), rec.source.uri).toBe('');
      expect(spanProblems(rec), rec.source.uri).toEqual([]);
    }
    // The summary line and the unified-style report of the errors go to stderr.
    expect(r.stderr).toMatch(/pressx: 12 documents, 6 ok, 6 errors \((?:[a-z-]+ \d+(?:, )?){3,6}\); [\d.]+ s/);
    expect(r.stderr).toMatch(/errors \([^)]*empty 2/);
    expect(r.stderr).toMatch(/03-empty\.txt[\s\S]*error/);
  });

  it('writes NDJSON to stdout, reads stdin, and exits 0 when every document is ok', () => {
    const r = pressx(['run', '-', '--reference-date', '2025-06-30', '--quiet'], EN);
    expect(r.code).toBe(0);
    const [rec] = parseNdjson(r.stdout);
    expect(rec).toMatchObject({ status: 'ok', published: '2025-06-30', source: { uri: '-' } });
    expect(r.stderr).toMatch(/1 documents, 1 ok, 0 errors/);
  });

  it('forces the language with --lang', () => {
    const r = pressx(['run', '-', '--lang', 'de'], EN);
    expect(parseNdjson(r.stdout)[0].language).toEqual({ code: 'de', confidence: 1 });
  });

  it('exits 2 on usage errors, with a message', () => {
    for (const args of [['run'], ['run', 'x', '--reference-date', 'yesterday'], ['run', 'x', '--lang', 'English'], ['frobnicate'], ['run', 'x', '--nope'], ['run', 'fixtures', '--out', '/nonexistent-dir/out.ndjson'], ['run', 'fixtures', '--out', 'fixtures']]) {
      const r = pressx(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('has --help on every command', () => {
    for (const cmd of [[], ['run'], ['extract'], ['check'], ['schema']]) {
      const r = pressx([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: pressx/);
    }
  });
});

describe('pressx extract and schema', () => {
  it('prints one pretty record that validates against the printed JSON Schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressx-extract-'));
    writeFileSync(join(dir, 'fr.txt'), FR);
    const r = pressx(['extract', join(dir, 'fr.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(20);
    const rec = JSON.parse(r.stdout) as PressRecord;
    expect(rec.schema).toBe('pressx.record/1');
    const schema = JSON.parse(pressx(['schema']).stdout);
    expect(schema.title).toBe('pressx.record/1');
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'id', 'status', 'source', 'text', 'entities', 'dates', 'figures']));
    expect(schemaErrors(rec)).toBe('');
  });

  it('exits 1 with an error record for an unreadable file', () => {
    const r = pressx(['extract', '/nonexistent/release.txt']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', error: { code: 'not-found' } });
  });
});

describe('pressx check', () => {
  it('records with --update, passes when unchanged, and prints field-level diffs when not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressx-check-'));
    writeFileSync(join(dir, 'a.txt'), EN);
    writeFileSync(join(dir, 'b.txt'), FR);
    const fresh = pressx(['check', dir]);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(/a\.txt: new/);

    expect(pressx(['check', dir, '--update']).code).toBe(0);
    const same = pressx(['check', dir]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/2 fixtures, 2 unchanged/);

    const path = join(dir, 'a.expected.json');
    const expected = JSON.parse(readFileSync(path, 'utf8')) as PressRecord;
    expect(expected.figures.length).toBeGreaterThan(0);
    const dropped = expected.figures.shift()!;
    expected.language = { code: 'xx', confidence: 0.5 };
    expected.entities.push({ type: 'organization', name: 'Ghost Corp.', aliases: [], mentions: [{ start: 0, end: 5 }], role: null });
    expected.text = expected.text.replace('solar', 'wind');
    writeFileSync(path, JSON.stringify(expected));
    const changed = pressx(['check', dir]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('a.txt: changed');
    expect(changed.stdout).toContain(`figure added: ${JSON.stringify(dropped.text)}`);
    expect(changed.stdout).toContain('entity removed: organization "Ghost Corp."');
    expect(changed.stdout).toMatch(/language \{"code":"xx","confidence":0.5\} → \{"code":"en"/);
    expect(changed.stdout).toMatch(/text changed at offset \d+/);
    expect(changed.stdout).toMatch(/1 unchanged, 1 changed/);

    copyFileSync(join(dir, 'b.txt'), join(dir, 'c.txt'));
    expect(pressx(['check', dir, '--update']).code).toBe(0);
    expect(pressx(['check', dir]).code).toBe(0);
  });

  it('exits 2 for a folder with no fixtures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressx-check-empty-'));
    expect(pressx(['check', dir]).code).toBe(2);
    expect(pressx(['check', join(dir, 'missing')]).code).toBe(2);
  });
});
