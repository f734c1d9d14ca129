// Batch runs through the worker pool: size cap, time limit, ordering, worker counts, the summary.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNdjson, pressx, ROOT } from './helpers.js';

const FIXTURES = join(ROOT, 'fixtures');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pressx-batch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A long release made of the fixtures' paragraphs, about `bytes` long. */
function longRelease(bytes: number): string {
  const paras = readdirSync(FIXTURES)
    .filter((f) => f.includes('-en-') && f.endsWith('.txt'))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += paras[i % paras.length].replace(/\b20(\d\d)\b/g, (_, y) => `20${(Number(y) + i) % 100}`.padEnd(4, '0')) + '\n\n';
  return out;
}

describe('pressx run: per-document limits', () => {
  it('turns a document over --max-bytes into a too-large error record, without reading it, and goes on', () => {
    const inDir = join(dir, 'cap');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'a-small.txt'), readFileSync(join(FIXTURES, '01-en-wire-solar.txt')));
    writeFileSync(join(inDir, 'b-big.txt'), longRelease(30_000));
    writeFileSync(
      join(inDir, 'c-lines.jsonl'),
      [JSON.stringify({ id: 'short', text: 'Acme Corp. said on Monday it hired 40 engineers in Lyon.' }), JSON.stringify({ id: 'long', text: longRelease(30_000) }), JSON.stringify({ id: 'after', text: 'Zeta AG opened an office in Bern.' })].join('\n') + '\n',
    );
    const out = join(dir, 'cap.ndjson');
    const r = pressx(['run', inDir, '--out', out, '--max-bytes', '20kB', '-q']);
    expect(r.code, r.stderr).toBe(1);
    const recs = parseNdjson(readFileSync(out, 'utf8'));
    expect(recs.map((x) => x.source.uri.split('/').pop())).toEqual(['a-small.txt', 'b-big.txt', 'short', 'c-lines.jsonl:2', 'after']);
    const big = recs[1];
    expect(big).toMatchObject({ status: 'error', error: { code: 'too-large' }, source: { sha256: null } });
    expect(big.error!.message).toMatch(/over the 20000 bytes limit \(--max-bytes\)/);
    expect(big.source.bytes).toBeGreaterThan(30_000);
    expect(recs[3]).toMatchObject({ status: 'error', error: { code: 'too-large' } });
    expect(recs.filter((x) => x.status === 'ok')).toHaveLength(3);
    expect(r.stderr).toMatch(/5 documents, 3 ok, 2 errors \(too-large 2\)/);
  });

  it('abandons a document that overruns --timeout, replaces its worker, and processes the rest', { timeout: 180_000 }, () => {
    const inDir = join(dir, 'slow');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'a.txt'), readFileSync(join(FIXTURES, '01-en-wire-solar.txt')));
    // About 5 MB: many seconds of work on any machine, far over a 2 s limit; the small documents
    // take milliseconds, well under it even on a loaded machine.
    writeFileSync(join(inDir, 'b-slow.txt'), longRelease(5_000_000));
    writeFileSync(join(inDir, 'c.txt'), readFileSync(join(FIXTURES, '12-de-wire-muenchen-robotik.txt')));
    const out = join(dir, 'slow.ndjson');
    const r = pressx(['run', inDir, '--out', out, '--timeout', '2', '--max-bytes', '20MB', '--workers', '1', '-q']);
    expect(r.code, r.stderr).toBe(1);
    const recs = parseNdjson(readFileSync(out, 'utf8'));
    expect(recs.map((x) => x.status)).toEqual(['ok', 'error', 'ok']);
    expect(recs[1].error).toMatchObject({ code: 'timeout' });
    expect(recs[1].error!.message).toMatch(/longer than 2 s/);
    // The document after the abandoned one ran on the replacement worker.
    expect(recs[2].language.code).toBe('de');
    expect(r.stderr).toMatch(/errors \(timeout 1\).*1 workers replaced/);
  });
});

describe('pressx run --db: error records in SQLite', () => {
  it('stores unreadable, binary, empty and oversize documents as error rows with their codes', async () => {
    const inDir = join(dir, 'errs');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'a-ok.txt'), readFileSync(join(FIXTURES, '01-en-wire-solar.txt')));
    writeFileSync(join(inDir, 'b-empty.txt'), '');
    writeFileSync(join(inDir, 'c-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(inDir, 'd-big.txt'), longRelease(30_000));
    // A socket named like a document, given by name (walks take regular files only): no bytes can be read from it.
    const socket = join(dir, 'e-socket.txt');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const db = join(dir, 'errs.sqlite');
      const r = pressx(['run', inDir, socket, '--db', db, '--max-bytes', '20kB', '-q']);
      expect(r.code, r.stderr).toBe(1);
      const rows = new Database(db, { readonly: true })
        .prepare('SELECT uri, status, error_code, error_message FROM documents ORDER BY uri')
        .all() as { uri: string; status: string; error_code: string | null; error_message: string | null }[];
      const byName = rows.map((x) => [x.uri.split('/').pop(), x.status, x.error_code]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(byName).toEqual([
        ['a-ok.txt', 'ok', null],
        ['b-empty.txt', 'error', 'empty'],
        ['c-image.txt', 'error', 'binary'],
        ['d-big.txt', 'error', 'too-large'],
        ['e-socket.txt', 'error', 'unreadable'],
      ]);
      expect(rows.find((x) => x.error_code === 'too-large')?.error_message).toMatch(/--max-bytes/);
    } finally {
      server.close();
    }
  });
});

describe('pressx run: incremental runs', () => {
  it('skips sources already in the ledger, redoes them with --force, and picks files by --since', () => {
    const inDir = join(dir, 'incr');
    mkdirSync(inDir);
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).slice(0, 4);
    for (const f of names) writeFileSync(join(inDir, f), readFileSync(join(FIXTURES, f)));
    const old = new Date('2024-01-01T00:00:00Z');
    for (const f of names.slice(1)) utimesSync(join(inDir, f), old, old);
    const db = join(dir, 'incr.sqlite');
    const count = () => {
      const d = new Database(db, { readonly: true });
      try {
        return (d.prepare('SELECT (SELECT count(*) FROM documents) + 1000 * (SELECT count(*) FROM ledger) AS n').get() as { n: number }).n;
      } finally {
        d.close();
      }
    };
    // --since: only the file modified after the date.
    let r = pressx(['run', inDir, '--db', db, '--since', '2025-01-01', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 documents, 1 ok, 0 errors, 3 older than --since/);
    expect(count()).toBe(1001);
    // The rest; the first is in the ledger and skipped.
    r = pressx(['run', inDir, '--db', db, '-q']);
    expect(r.stderr).toMatch(/3 documents, 3 ok, 0 errors, 1 skipped/);
    expect(count()).toBe(4004);
    r = pressx(['run', inDir, '--db', db, '-q']);
    expect(r.stderr).toMatch(/0 documents, 0 ok, 0 errors, 4 skipped/);
    // --force redoes everything; upserts leave the same rows.
    r = pressx(['run', inDir, '--db', db, '--force', '-q']);
    expect(r.stderr).toMatch(/4 documents, 4 ok, 0 errors;/);
    expect(count()).toBe(4004);
  });
});

describe('pressx run: workers and order', () => {
  it('gives the same records in input order with 1 or 2 workers, and the same set with --unordered', { timeout: 240_000 }, () => {
    const one = join(dir, 'w1.ndjson');
    const two = join(dir, 'w2.ndjson');
    const un = join(dir, 'un.ndjson');
    expect(pressx(['run', FIXTURES, '--out', one, '--workers', '1', '-q']).code).toBe(0);
    expect(pressx(['run', FIXTURES, '--out', two, '--workers', '2', '-q']).code).toBe(0);
    expect(pressx(['run', FIXTURES, '--out', un, '--workers', '2', '--unordered', '-q']).code).toBe(0);
    const a = readFileSync(one, 'utf8');
    expect(readFileSync(two, 'utf8')).toBe(a);
    const sorted = (s: string) => s.split('\n').filter(Boolean).sort();
    expect(sorted(readFileSync(un, 'utf8'))).toEqual(sorted(a));
    expect(parseNdjson(a).map((x) => x.source.uri)).toEqual([...parseNdjson(a).map((x) => x.source.uri)].sort());
  });

  it('rejects bad option values with a usage error (exit 2)', () => {
    for (const args of [['--workers', '0'], ['--max-bytes', 'lots'], ['--timeout', '-1'], ['--since', 'yesterday'], ['--heap-growth', '400'], ['--heap-growth', 'some']]) {
      const r = pressx(['run', FIXTURES, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/expected/);
    }
  });
});

describe('worker pool', () => {
  it('fails only the document that exhausts a worker\'s memory; those queued behind it run on the replacement, in order', { timeout: 180_000 }, async () => {
    // From dist: the pool starts its workers from the built worker-thread.js.
    const { WorkerPool, PREFETCH } = await import('../dist/batch/pool.js');
    expect(PREFETCH).toBeGreaterThanOrEqual(1);
    const pool = new WorkerPool({ workers: 1, timeoutMs: 0, pipeline: {}, maxHeapMB: 128 });
    const small = readFileSync(join(FIXTURES, '01-en-wire-solar.txt'), 'utf8');
    const docs = [small, longRelease(3_000_000), small, small, small];
    try {
      const results = await Promise.all(docs.map((text, i) => pool.run(i, { uri: `doc-${i}`, text })));
      expect(results.map((r) => r.record.status)).toEqual(['ok', 'error', 'ok', 'ok', 'ok']);
      expect(results[1].record.error).toMatchObject({ code: 'out-of-memory' });
      expect(results[1].record.error!.message).toMatch(/^doc-1: the document needed more memory/);
      expect(results.map((r) => r.record.source.uri)).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4']);
      expect(pool.replaced).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('prints a result\'s messages as vfile-reporter prints the document\'s vfile', async () => {
    const { VFile } = await import('vfile');
    const { reporter } = await import('vfile-reporter');
    const { hasWarnings, messagesOf, reportOf } = await import('../src/batch/messages.js');
    const file = new VFile({ path: 'a/b.txt' });
    file.message('12 lines stop mid-sentence', { place: { line: 3, column: 1 }, ruleId: 'truncated-lines', source: 'pressx:cleanup' });
    file.message('no language', { ruleId: 'language', source: 'pressx:language' });
    file.message('cannot read', { ruleId: 'unreadable', source: 'pressx' }).fatal = true;
    const messages = structuredClone(messagesOf(file));
    expect(reportOf('a/b.txt', { messages })).toBe(reporter([file], { quiet: true }));
    expect(reportOf('a/b.txt', { messages: [] })).toBeNull();
    expect(hasWarnings(messages)).toBe(true);
    expect(hasWarnings(messages.filter((m) => m.fatal))).toBe(false);
  });
});
