// SQLite and NDJSON sinks against real files: records from the real pipeline (the fixtures, plus
// error records from an empty file, a PNG image, a missing path, and a hand-made too-large one).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PressRecord as RecordSchema, type PressRecord } from '../src/export/schema.js';
import { sha256 } from '../src/ingest/sources.js';
import { MIGRATIONS, openNdjsonSink, openSink, openSqliteSink, sinkKind, SinkError, storableRecord } from '../src/sink/index.js';
import { ROOT } from './helpers.js';
import { COUNTED_TABLES, expectedCounts, shasOf, sinkTestRecords } from './sink-records.js';

let dir: string;
let fixtures: PressRecord[]; // ok records from fixtures/
let errors: PressRecord[]; // empty, binary, not-found, too-large
let all: PressRecord[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pressx-sqlite-'));
  ({ fixtures, errors, all } = await sinkTestRecords(dir));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));


function counts(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  }
  return out;
}

const read = (path: string) => new Database(path, { readonly: true });

describe('SQLite sink', () => {
  it('stores each record in every table, row for row', async () => {
    const path = join(dir, 'rows.sqlite');
    const sink = await openSqliteSink(path);
    await sink.writeBatch(all);
    await sink.close();
    const db = read(path);
    try {
      expect(counts(db)).toEqual(expectedCounts(all));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      for (const r of all) {
        const doc = db.prepare('SELECT * FROM documents WHERE id = ?').get(r.id) as Record<string, unknown>;
        expect(doc, r.source.uri).toBeDefined();
        expect(doc.status).toBe(r.status);
        expect(doc.uri).toBe(r.source.uri);
        expect(doc.title).toBe(r.title);
        expect(doc.language).toBe(r.language.code);
        expect(doc.dateline_place).toBe(r.dateline?.place ?? null);
        expect(doc.error_code).toBe(r.error?.code ?? null);
        expect(JSON.parse(doc.record as string)).toEqual(r);
        const perDoc = (t: string) => db.prepare(`SELECT count(*) FROM ${t} WHERE document_id = ?`).pluck().get(r.id);
        expect(perDoc('entities')).toBe(r.entities.length);
        expect(perDoc('entity_mentions')).toBe(r.entities.reduce((n, e) => n + e.mentions.length, 0));
        expect(perDoc('figures')).toBe(r.figures.length);
        expect(perDoc('dates')).toBe(r.dates.length);
        expect(perDoc('warnings')).toBe(r.warnings.length);
        // Each mention row reads what the record's span reads.
        const mentions = db.prepare('SELECT e.name, m.span_start, m.span_end, m.text FROM entity_mentions m JOIN entities e ON e.document_id = m.document_id AND e.ord = m.entity_ord WHERE m.document_id = ?').all(r.id) as { name: string; span_start: number; span_end: number; text: string }[];
        for (const m of mentions) expect(m.text).toBe(r.text.slice(m.span_start, m.span_end));
        const dates = db.prepare('SELECT value, inferred FROM dates WHERE document_id = ? ORDER BY ord').all(r.id) as { value: string; inferred: number }[];
        expect(dates).toEqual(r.dates.map((d) => ({ value: d.value, inferred: d.inferred ? 1 : 0 })));
      }
    } finally {
      db.close();
    }
  });

  it('answers "figures in EUR above 1 million" with exactly the records\' figures', async () => {
    const path = join(dir, 'rows.sqlite');
    const db = read(path);
    try {
      const got = db
        .prepare(`SELECT d.uri, f.text, f.value FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.kind = 'money' AND f.unit = 'EUR' AND f.value > 1000000 ORDER BY d.uri, f.ord`)
        .all();
      const want = all.flatMap((r) => r.figures.filter((f) => f.kind === 'money' && f.unit === 'EUR' && f.value > 1e6).map((f) => ({ uri: r.source.uri, text: f.text, value: f.value })));
      want.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
      expect(want.length).toBeGreaterThan(3);
      expect(got).toEqual(want);
      // The lookup uses the (kind, unit, value) index.
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM figures WHERE kind = 'money' AND unit = 'EUR' AND value > 1000000`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('figures_kind_unit_value');
    } finally {
      db.close();
    }
  });

  it('re-writing the same batch replaces rows instead of adding them', async () => {
    const path = join(dir, 'rewrite.sqlite');
    const sink = await openSqliteSink(path);
    await sink.writeBatch(all);
    const db = read(path);
    const before = counts(db);
    const firstAt = db.prepare('SELECT processed_at FROM documents WHERE id = ?').pluck().get(all[0].id) as string;
    await new Promise((r) => setTimeout(r, 5));
    await sink.writeBatch(all);
    await sink.writeBatch(all.slice(0, 5));
    expect(counts(db)).toEqual(before);
    expect(db.prepare('SELECT processed_at FROM documents WHERE id = ?').pluck().get(all[0].id)).not.toBe(firstAt);
    // A changed record (same id) replaces its children: one entity fewer is one row fewer.
    const changed = { ...fixtures[0], entities: fixtures[0].entities.slice(1) };
    await sink.writeBatch([changed]);
    expect(counts(db).entities).toBe(before.entities - 1);
    expect(db.prepare('SELECT count(*) FROM entities WHERE document_id = ?').pluck().get(changed.id)).toBe(changed.entities.length);
    db.close();
    await sink.close();
  });

  it('keeps one document and every source when a batch holds the same text from two files', async () => {
    const path = join(dir, 'dup.sqlite');
    const sink = await openSqliteSink(path);
    const twin = { ...fixtures[1], source: { ...fixtures[1].source, uri: 'copy/of/02.txt', sha256: sha256('another file') } };
    await sink.writeBatch([fixtures[1], twin]);
    await sink.close();
    const db = read(path);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    expect(db.prepare('SELECT uri FROM documents').pluck().get()).toBe('copy/of/02.txt');
    expect(db.prepare('SELECT uri FROM sources ORDER BY uri').pluck().all()).toEqual(['copy/of/02.txt', fixtures[1].source.uri].sort());
    expect(db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(fixtures[1].entities.length);
    expect(db.prepare('SELECT count(*) FROM ledger').pluck().get()).toBe(2);
    db.close();
  });

  it('advances the ledger with each batch, and a re-open reads it back', async () => {
    const path = join(dir, 'ledger.sqlite');
    let sink = await openSqliteSink(path);
    expect((await sink.ledger()).size).toBe(0);
    await sink.writeBatch(all.slice(0, 8));
    expect(await sink.ledger()).toEqual(shasOf(all.slice(0, 8)));
    await sink.writeBatch(all.slice(8));
    expect(await sink.ledger()).toEqual(shasOf(all));
    await sink.close();
    sink = await openSqliteSink(path);
    const ledger = await sink.ledger();
    await sink.close();
    expect(ledger).toEqual(shasOf(all));
    // The missing file has no sha256: it is stored but never in the ledger (a re-run retries it).
    expect(ledger.size).toBe(all.length - 1);
  });

  it('applies the migrations once, in order, and only those missing', async () => {
    const path = join(dir, 'migrate.sqlite');
    let sink = await openSqliteSink(path, { migrations: MIGRATIONS.slice(0, 1) });
    expect(sink.migrationsApplied).toEqual([1]);
    await sink.writeBatch(fixtures.slice(0, 2));
    await sink.close();
    const indexes = () => {
      const db = read(path);
      const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'`).pluck().all();
      db.close();
      return names;
    };
    expect(indexes()).toEqual([]);
    sink = await openSqliteSink(path);
    expect(sink.migrationsApplied).toEqual([2]);
    await sink.close();
    expect(indexes()).toContain('entities_type_name');
    sink = await openSqliteSink(path);
    expect(sink.migrationsApplied).toEqual([]);
    expect(await sink.ledger()).toEqual(shasOf(fixtures.slice(0, 2)));
    await sink.close();
    const db = read(path);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('stores error records with their codes', async () => {
    const path = join(dir, 'rows.sqlite');
    const db = read(path);
    const rows = db.prepare(`SELECT error_code, uri, source_sha256, bytes FROM documents WHERE status = 'error' ORDER BY error_code`).all() as { error_code: string; uri: string }[];
    db.close();
    expect(rows.map((r) => r.error_code)).toEqual(['binary', 'empty', 'not-found', 'too-large']);
    expect(rows.find((r) => r.error_code === 'too-large')).toMatchObject({ uri: 'releases/huge.txt', bytes: 60_000_000 });
    expect(rows.find((r) => r.error_code === 'not-found')).toMatchObject({ source_sha256: null });
  });

  it('turns a record holding NUL or an unpaired surrogate into an `unstorable` error record, and stores the rest of the batch', async () => {
    const base = fixtures[2];
    const nulText = base.text.slice(0, 40) + '\u0000' + base.text.slice(40);
    const withNul: PressRecord = { ...base, id: sha256(nulText), text: nulText, source: { ...base.source, uri: 'in/nul.txt', sha256: sha256('nul') } };
    const withSurrogate: PressRecord = {
      ...fixtures[3],
      id: sha256('surrogate'),
      source: { ...fixtures[3].source, uri: 'in/surrogate\uD800.txt', sha256: sha256('surrogate') },
      entities: [{ ...fixtures[3].entities[0], name: 'Acme \uDC00 Corp' }, ...fixtures[3].entities.slice(1)],
    };
    expect(storableRecord(fixtures[4])).toBe(fixtures[4]);
    const path = join(dir, 'unstorable.sqlite');
    const sink = await openSqliteSink(path);
    await sink.writeBatch([fixtures[4], withNul, withSurrogate]);
    expect(await sink.ledger()).toEqual(shasOf([fixtures[4], withNul, withSurrogate]));
    await sink.close();
    const db = read(path);
    const rows = db.prepare(`SELECT id, status, uri, error_code, error_message, text, record FROM documents ORDER BY uri`).all() as Record<string, string>[];
    db.close();
    expect(rows.map((r) => [r.uri, r.status, r.error_code])).toEqual(
      [
        ['in/nul.txt', 'error', 'unstorable'],
        ['in/surrogate\uFFFD.txt', 'error', 'unstorable'],
        [fixtures[4].source.uri, 'ok', null],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const nul = rows.find((r) => r.uri === 'in/nul.txt')!;
    expect(nul.id).toBe(sha256(`error\0in/nul.txt\0${sha256('nul')}`));
    expect(nul.error_message).toMatch(/text holds a NUL character \(U\+0000\) at offset 40/);
    expect(RecordSchema.parse(JSON.parse(nul.record)).error?.code).toBe('unstorable');
    const sur = rows.find((r) => r.uri.startsWith('in/surrogate'))!;
    expect(sur.error_message).toMatch(/source\.uri holds an unpaired UTF-16 surrogate.*and 1 more/);
  });

  it('says clearly why it cannot open: missing folder, a folder, not a database', async () => {
    await expect(openSqliteSink(join(dir, 'no', 'such', 'folder', 'x.sqlite'))).rejects.toThrow(/folder .*no[/\\]such[/\\]folder does not exist/);
    await expect(openSqliteSink(dir)).rejects.toThrow(/it is a folder, not a file/);
    // A location nobody can create files in (root included): /proc on Linux.
    if (process.platform === 'linux') {
      await expect(openSqliteSink('/proc/pressx-test.sqlite')).rejects.toThrow(/cannot open SQLite database \/proc\/pressx-test\.sqlite for writing: .*check that the location is writable/);
    }
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'These are notes, not an SQLite database.\n'.repeat(200));
    const err = await openSqliteSink(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkError);
    expect((err as SinkError).message).toBe(`${text} is not an SQLite database (give a new file name, or the path of a database pressx wrote)`);
    expect(readFileSync(text, 'utf8')).toBe('These are notes, not an SQLite database.\n'.repeat(200));
  });

  it('keeps a committed batch when the process is killed with SIGKILL right after', async () => {
    const path = join(dir, 'killed.sqlite');
    const input = join(dir, 'killed-input.json');
    writeFileSync(input, JSON.stringify(fixtures.slice(0, 6)));
    const script = join(dir, 'killed-child.mts');
    const sinkModule = join(ROOT, 'src', 'sink', 'sqlite.ts');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';\n` +
        `import { openSqliteSink } from ${JSON.stringify(sinkModule)};\n` +
        `const sink = await openSqliteSink(process.argv[3]);\n` +
        `await sink.writeBatch(JSON.parse(readFileSync(process.argv[2], 'utf8')));\n` +
        `process.stdout.write('committed\\n');\n` +
        `setInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, input, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('committed')) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited before committing: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    const sink = await openSqliteSink(path);
    expect(await sink.ledger()).toEqual(shasOf(fixtures.slice(0, 6)));
    await sink.close();
    const db = read(path);
    expect(counts(db)).toEqual(expectedCounts(fixtures.slice(0, 6)));
    db.close();
  }, 60_000);

  it('runs every query of docs/queries.md as written', async () => {
    const path = join(dir, 'rows.sqlite');
    const db = read(path);
    try {
      const queries = docQueries('sqlite');
      expect(queries.length).toBeGreaterThanOrEqual(6);
      for (const q of queries) {
        const rows = db.prepare(q).all();
        expect(rows.length, q).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });
});

/** The ```sql blocks of docs/queries.md for a dialect (`sql` runs in both, `sql sqlite` / `sql postgres` in one). */
function docQueries(dialect: 'sqlite' | 'postgres'): string[] {
  const md = readFileSync(join(ROOT, 'docs', 'queries.md'), 'utf8');
  const out: string[] = [];
  for (const m of md.matchAll(/^```sql( sqlite| postgres)?\n([^`]*)^```/gm)) {
    if (!m[1] || m[1].trim() === dialect) out.push(m[2].trim().replace(/;$/, ''));
  }
  return out;
}

describe('NDJSON sink (the file is its own ledger)', () => {
  const lines = (path: string) => readFileSync(path, 'utf8').split('\n');

  // The file's ledger also knows error records whose source has no sha256 (a missing file), by id.
  const keysOf = (records: PressRecord[]) => new Set(records.flatMap((r) => (r.source.sha256 ? [r.source.sha256] : r.status === 'error' ? [`id:${r.id}`] : [])));

  it('writes one record a line, and a resume reads the ledger back from the file', async () => {
    const path = join(dir, 'out.ndjson');
    let sink = await openNdjsonSink(path);
    await sink.writeBatch(all.slice(0, 10));
    await sink.writeBatch(all.slice(10));
    expect(await sink.ledger()).toEqual(keysOf(all));
    await sink.close();
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(all);
    sink = await openNdjsonSink(path, { append: true });
    expect(sink.truncatedBytes).toBe(0);
    expect(await sink.ledger()).toEqual(keysOf(all));
    await sink.close();
    // A fresh run (append: false) starts an empty file and an empty ledger.
    sink = await openNdjsonSink(path);
    expect((await sink.ledger()).size).toBe(0);
    await sink.close();
    expect(statSync(path).size).toBe(0);
  });

  it('appends overlapping writeBatch calls one after another, whole lines only', async () => {
    const path = join(dir, 'overlap.ndjson');
    const sink = await openNdjsonSink(path);
    const batches = [fixtures.slice(0, 6), fixtures.slice(6, 11), fixtures.slice(11)];
    await Promise.all(batches.map((b) => sink.writeBatch(b)));
    await sink.close();
    expect(lines(path).filter(Boolean).map((l) => (JSON.parse(l) as PressRecord).id)).toEqual(fixtures.map((r) => r.id));
  });

  it('cuts a torn last line away on resume, then appends', async () => {
    const path = join(dir, 'torn.ndjson');
    let sink = await openNdjsonSink(path);
    await sink.writeBatch(fixtures.slice(0, 5));
    await sink.close();
    const good = statSync(path).size;
    const partial = JSON.stringify(fixtures[5]);
    const torn = partial.slice(0, Math.floor(partial.length / 2));
    appendFileSync(path, torn); // a crash mid-write
    sink = await openNdjsonSink(path, { append: true });
    expect(sink.truncatedBytes).toBe(Buffer.byteLength(torn));
    expect(statSync(path).size).toBe(good);
    expect(await sink.ledger()).toEqual(keysOf(fixtures.slice(0, 5)));
    await sink.writeBatch(fixtures.slice(5, 8));
    await sink.close();
    const got = lines(path);
    expect(got.pop()).toBe('');
    expect(got.map((l) => JSON.parse(l))).toEqual(fixtures.slice(0, 8));
  });

  it('cuts an unparsable last line (with its newline) away on resume', async () => {
    const path = join(dir, 'garbled.ndjson');
    let sink = await openNdjsonSink(path);
    await sink.writeBatch(fixtures.slice(0, 3));
    await sink.close();
    const good = statSync(path).size;
    appendFileSync(path, '{"schema":"pressx.record/1","id":"abc", garbage\n');
    sink = await openNdjsonSink(path, { append: true });
    expect(statSync(path).size).toBe(good);
    expect(await sink.ledger()).toEqual(keysOf(fixtures.slice(0, 3)));
    await sink.writeBatch(errors);
    expect(await sink.ledger()).toEqual(keysOf([...fixtures.slice(0, 3), ...errors]));
    await sink.close();
    expect(lines(path).filter(Boolean).map((l) => (JSON.parse(l) as PressRecord).id)).toEqual([...fixtures.slice(0, 3), ...errors].map((r) => r.id));
  });

  it('keeps NUL and unpaired surrogates losslessly (JSON escapes them)', async () => {
    const path = join(dir, 'odd.ndjson');
    const odd: PressRecord = { ...fixtures[0], text: fixtures[0].text + '\u0000\uD800' };
    const sink = await openNdjsonSink(path);
    await sink.writeBatch([odd]);
    await sink.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(odd);
  });

  it('refuses a missing folder with a clear message', async () => {
    await expect(openNdjsonSink(join(dir, 'nope', 'out.ndjson'))).rejects.toThrow(/the folder .*nope does not exist/);
  });

  it('ends quietly when stdout is closed by the reader (EPIPE)', () => {
    const script = join(dir, 'epipe-child.mts');
    const module = join(ROOT, 'src', 'sink', 'ndjson.ts');
    writeFileSync(
      script,
      `import { openNdjsonSink } from ${JSON.stringify(module)};\n` +
        `const sink = await openNdjsonSink(null);\n` +
        `const r = { schema: 'pressx.record/1', id: 'x', source: { sha256: null }, text: 'y'.repeat(1000) };\n` +
        `for (let i = 0; i < 5000; i++) await sink.writeBatch(Array(20).fill(r));\n` +
        `process.stderr.write('not stopped\\n');\n` +
        `process.exit(3);\n`,
    );
    const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx "${script}" | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('status=0');
  }, 60_000);
});

describe('openSink', () => {
  it('chooses the sink from the target', async () => {
    expect(sinkKind('postgres://u@h/db')).toBe('postgres');
    expect(sinkKind('postgresql://h:5433/db')).toBe('postgres');
    expect(sinkKind('out/pressx.sqlite')).toBe('sqlite');
    expect(sinkKind('x.SQLITE3')).toBe('sqlite');
    expect(sinkKind('x.db')).toBe('sqlite');
    expect(sinkKind('x.ndjson')).toBe('ndjson');
    expect(sinkKind('x.db.json')).toBe('ndjson');
    expect(sinkKind(null)).toBe('ndjson');
    const sqlite = await openSink(join(dir, 'chosen.db'));
    await sqlite.writeBatch(fixtures.slice(0, 1));
    await sqlite.close();
    const db = read(join(dir, 'chosen.db'));
    expect(db.prepare('SELECT id FROM documents').pluck().all()).toEqual([fixtures[0].id]);
    db.close();
    const nd = await openSink(join(dir, 'chosen.jsonl'), { append: true });
    await nd.writeBatch(fixtures.slice(0, 1));
    await nd.close();
    expect(JSON.parse(readFileSync(join(dir, 'chosen.jsonl'), 'utf8'))).toEqual(fixtures[0]);
  });
});
