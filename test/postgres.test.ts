// PostgreSQL sink against a real server started for this file (test/servers/postgres.ts): rows per
// table, upserts, ledger, migrations, error and unstorable records, the server going down,
// restarting, a connection lost mid-batch, and concurrent writers. Throughput is measured by
// `npm run bench` (whole runs into PostgreSQL beside NDJSON), not here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PressRecord as RecordSchema, type PressRecord } from '../src/export/schema.js';
import { sha256 } from '../src/ingest/sources.js';
import { MIGRATIONS, openPostgresSink, openSink, SinkError, type PostgresSinkOptions } from '../src/sink/index.js';
import { ROOT } from './helpers.js';
import { COUNTED_TABLES, expectedCounts, shasOf, sinkTestRecords } from './sink-records.js';
import { startPostgres, type PgServer } from './servers/postgres.js';

/** Test-sized backoff: 4 attempts, 100 ms doubling (≈ 0.7 s of waiting in all). */
const FAST: PostgresSinkOptions = { retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 }, connectTimeoutMs: 2000 };

let server: PgServer;
let dir: string;
let fixtures: PressRecord[];
let errors: PressRecord[];
let all: PressRecord[];
let dbCount = 0;

beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'pressx-pgtest-'));
  ({ fixtures, errors, all } = await sinkTestRecords(dir));
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A distinct record from a fixture record: other text (so another id), other source. */
function variant(r: PressRecord, i: number): PressRecord {
  const text = `${r.text}\n\n(copy ${i})`;
  return { ...r, id: sha256(text), text, source: { ...r.source, uri: `${r.source.uri}#${i}`, sha256: sha256(`${r.source.sha256}#${i}`) } };
}


/** A fresh, empty database on the test server; returns its URL. */
async function freshDb(): Promise<string> {
  const name = `t${++dbCount}_${process.pid}`;
  await withClient(server.url, (c) => c.query(`CREATE DATABASE ${name}`));
  return server.url.replace(/\/[^/]+$/, `/${name}`);
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

async function counts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const out: Record<string, number> = {};
    for (const t of COUNTED_TABLES) {
      out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    }
    return out;
  });
}

describe('PostgreSQL sink', () => {
  let main: string; // a database holding `all`

  it('stores each record in every table, row for row, with the record as jsonb', async () => {
    main = await freshDb();
    const sink = await openPostgresSink(main);
    expect(sink.name).toBe(`postgresql://127.0.0.1:${server.port}/${main.split('/').pop()}`);
    expect(sink.name).not.toContain(server.password);
    await sink.writeBatch(all);
    await sink.close();
    expect(await counts(main)).toEqual(expectedCounts(all));
    await withClient(main, async (c) => {
      const type = await c.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'record'`);
      expect(type.rows[0].data_type).toBe('jsonb');
      for (const r of all) {
        const doc = (await c.query('SELECT * FROM documents WHERE id = $1', [r.id])).rows[0];
        expect(doc, r.source.uri).toBeDefined();
        expect([doc.status, doc.uri, doc.title, doc.language, doc.error_code]).toEqual([r.status, r.source.uri, r.title, r.language.code, r.error?.code ?? null]);
        expect(doc.record).toEqual(r);
        const per = async (t: string) => Number((await c.query(`SELECT count(*) AS n FROM ${t} WHERE document_id = $1`, [r.id])).rows[0].n);
        expect(await per('entities')).toBe(r.entities.length);
        expect(await per('entity_mentions')).toBe(r.entities.reduce((n, e) => n + e.mentions.length, 0));
        expect(await per('figures')).toBe(r.figures.length);
        const mentions = (await c.query('SELECT span_start, span_end, text FROM entity_mentions WHERE document_id = $1', [r.id])).rows;
        for (const m of mentions) expect(m.text).toBe(r.text.slice(Number(m.span_start), Number(m.span_end)));
        const figures = (await c.query('SELECT value, unit, qualifier FROM figures WHERE document_id = $1 ORDER BY ord', [r.id])).rows;
        expect(figures).toEqual(r.figures.map((f) => ({ value: f.value, unit: f.unit, qualifier: f.qualifier })));
      }
    });
  });

  it('answers "figures in EUR above 1 million" with exactly the records\' figures', async () => {
    const got = await withClient(main, async (c) =>
      (await c.query(`SELECT d.uri, f.text, f.value FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.kind = 'money' AND f.unit = 'EUR' AND f.value > 1000000 ORDER BY d.uri COLLATE "C", f.ord`)).rows,
    );
    const want = all.flatMap((r) => r.figures.filter((f) => f.kind === 'money' && f.unit === 'EUR' && f.value > 1e6).map((f) => ({ uri: r.source.uri, text: f.text, value: f.value })));
    want.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    expect(want.length).toBeGreaterThan(3);
    expect(got).toEqual(want);
  });

  it('stores error records with their codes', async () => {
    const rows = await withClient(main, async (c) => (await c.query(`SELECT error_code, uri, source_sha256, bytes FROM documents WHERE status = 'error' ORDER BY error_code`)).rows);
    expect(rows.map((r) => r.error_code)).toEqual(['binary', 'empty', 'not-found', 'too-large']);
    expect(rows.find((r) => r.error_code === 'too-large')).toMatchObject({ uri: 'releases/huge.txt', bytes: '60000000' });
    expect(rows.find((r) => r.error_code === 'not-found')).toMatchObject({ source_sha256: null });
  });

  it('re-writing the same batch replaces rows instead of adding them; the ledger advances with each batch', async () => {
    const url = await freshDb();
    const sink = await openPostgresSink(url);
    expect((await sink.ledger()).size).toBe(0);
    await sink.writeBatch(all.slice(0, 9));
    expect(await sink.ledger()).toEqual(shasOf(all.slice(0, 9)));
    await sink.writeBatch(all.slice(9));
    expect(await sink.ledger()).toEqual(shasOf(all));
    const before = await counts(url);
    expect(before).toEqual(expectedCounts(all));
    await sink.writeBatch(all);
    await sink.writeBatch(all.slice(3, 7));
    expect(await counts(url)).toEqual(before);
    const changed = { ...fixtures[0], entities: fixtures[0].entities.slice(2) };
    await sink.writeBatch([changed]);
    expect((await counts(url)).entities).toBe(before.entities - 2);
    // The same text from two files in one batch: one document, both sources.
    const twin = { ...fixtures[1], source: { ...fixtures[1].source, uri: 'copy/of/02.txt', sha256: sha256('another file') } };
    await sink.writeBatch([fixtures[1], twin]);
    const after = await counts(url);
    expect(after.documents).toBe(before.documents);
    expect(after.sources).toBe(before.sources + 1);
    expect(after.ledger).toBe(before.ledger + 1);
    await sink.close();
  });

  it('applies the migrations once, in order, and only those missing', async () => {
    const url = await freshDb();
    let sink = await openPostgresSink(url, { migrations: MIGRATIONS.slice(0, 1) });
    expect(sink.migrationsApplied).toEqual([1]);
    await sink.writeBatch(fixtures.slice(0, 2));
    await sink.close();
    const indexes = () => withClient(url, async (c) => (await c.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' ORDER BY 1`)).rows.map((r) => r.indexname));
    expect(await indexes()).toEqual([]);
    // Two workers opening at once: the migration lock lets one apply version 2.
    const [a, b] = await Promise.all([openPostgresSink(url), openPostgresSink(url)]);
    expect([...a.migrationsApplied, ...b.migrationsApplied]).toEqual([2]);
    await Promise.all([a.close(), b.close()]);
    expect(await indexes()).toContain('figures_kind_unit_value');
    sink = await openPostgresSink(url);
    expect(sink.migrationsApplied).toEqual([]);
    expect(await sink.ledger()).toEqual(shasOf(fixtures.slice(0, 2)));
    await sink.close();
    const rows = await withClient(url, async (c) => (await c.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows);
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: String(m.version), name: m.name })));
  });

  it('turns a record holding NUL or an unpaired surrogate into an `unstorable` error record, and stores the rest of the batch', async () => {
    const url = await freshDb();
    const base = fixtures[2];
    const nulText = base.text.slice(0, 40) + '\u0000' + base.text.slice(40);
    const withNul: PressRecord = { ...base, id: sha256(nulText), text: nulText, source: { ...base.source, uri: 'in/nul.txt', sha256: sha256('nul') } };
    const withSurrogate: PressRecord = { ...fixtures[3], id: sha256('surrogate'), title: 'Acme \uD83D launches', source: { ...fixtures[3].source, uri: 'in/surrogate.txt', sha256: sha256('surrogate') } };
    const sink = await openPostgresSink(url);
    await sink.writeBatch([fixtures[4], withNul, withSurrogate]);
    expect(await sink.ledger()).toEqual(shasOf([fixtures[4], withNul, withSurrogate]));
    await sink.close();
    const rows = await withClient(url, async (c) => (await c.query(`SELECT id, uri, status, error_code, error_message, record FROM documents ORDER BY uri`)).rows);
    expect(rows.map((r) => [r.uri, r.status, r.error_code])).toEqual([
      ['in/nul.txt', 'error', 'unstorable'],
      ['in/surrogate.txt', 'error', 'unstorable'],
      [fixtures[4].source.uri, 'ok', null],
    ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
    const nul = rows.find((r) => r.uri === 'in/nul.txt')!;
    expect(nul.id).toBe(sha256(`error\0in/nul.txt\0${sha256('nul')}`));
    expect(nul.error_message).toMatch(/text holds a NUL character \(U\+0000\) at offset 40/);
    expect(RecordSchema.parse(nul.record).error?.code).toBe('unstorable');
    expect(rows.find((r) => r.uri === 'in/surrogate.txt')!.error_message).toMatch(/title holds an unpaired UTF-16 surrogate at offset 5/);
  });

  it('gives up after bounded retries with a transient SinkError naming the database when the server is down; nothing committed is lost', async () => {
    const url = await freshDb();
    const sink = await openPostgresSink(url, FAST);
    await sink.writeBatch(fixtures.slice(0, 4));
    await server.pgStop();
    let err: unknown;
    const t0 = Date.now();
    try {
      await sink.writeBatch(fixtures.slice(4, 8));
    } catch (e) {
      err = e;
    }
    const elapsed = Date.now() - t0;
    // Opening while the server is down fails the same way.
    const openErr = await openPostgresSink(url, FAST).catch((e: unknown) => e);
    await server.pgStart();
    expect(err).toBeInstanceOf(SinkError);
    const e = err as SinkError;
    const where = `127.0.0.1:${server.port}/${url.split('/').pop()}`;
    expect(e.transient).toBe(true);
    expect(e.message).toContain(where);
    expect(e.message).toMatch(/after 4 attempt\(s\)/);
    expect(e.message).not.toContain(server.password);
    expect(elapsed).toBeLessThan(20_000);
    expect(elapsed).toBeGreaterThanOrEqual(0.8 * (100 + 200 + 400)); // it did wait between attempts
    expect(openErr).toBeInstanceOf(SinkError);
    expect((openErr as SinkError).transient).toBe(true);
    expect((openErr as SinkError).message).toContain(where);
    // The first batch is there, the failed one is not, and the ledger says exactly that.
    expect(await sink.ledger()).toEqual(shasOf(fixtures.slice(0, 4)));
    expect(await counts(url)).toEqual(expectedCounts(fixtures.slice(0, 4)));
    await sink.writeBatch(fixtures.slice(4, 8));
    expect(await counts(url)).toEqual(expectedCounts(fixtures.slice(0, 8)));
    await sink.close();
  }, 60_000);

  it('fails at once, without retrying, on a wrong password or a missing database, and never shows the password', async () => {
    const wrong = 'not-the-Pa55word';
    const badPassword = server.url.replace(encodeURIComponent(server.password), encodeURIComponent(wrong));
    const t0 = Date.now();
    const e1 = (await openPostgresSink(badPassword, FAST).catch((e: unknown) => e)) as SinkError;
    expect(e1).toBeInstanceOf(SinkError);
    expect(e1.transient).toBe(false);
    expect(e1.message).toContain(`127.0.0.1:${server.port}/${server.database}`);
    expect(e1.message).toMatch(/password authentication failed/);
    expect(e1.message).not.toContain(wrong);
    const e2 = (await openPostgresSink(server.url.replace(/\/[^/]+$/, '/no_such_db'), FAST).catch((e: unknown) => e)) as SinkError;
    expect(e2).toBeInstanceOf(SinkError);
    expect(e2.transient).toBe(false);
    expect(e2.message).toMatch(/no_such_db.*does not exist/);
    expect(e2.message).not.toContain(server.password);
    expect(Date.now() - t0).toBeLessThan(5000); // no backoff
  });

  it('reconnects when the server restarts between batches', async () => {
    const url = await freshDb();
    const sink = await openPostgresSink(url, FAST);
    await sink.writeBatch(fixtures.slice(0, 5));
    await server.restart();
    await sink.writeBatch(fixtures.slice(5, 10));
    expect(await sink.ledger()).toEqual(shasOf(fixtures.slice(0, 10)));
    await sink.close();
    expect(await counts(url)).toEqual(expectedCounts(fixtures.slice(0, 10)));
  }, 60_000);

  it('writes a batch exactly once when its connection is lost mid-transaction', async () => {
    const url = await freshDb();
    const sink = await openPostgresSink(url, { ...FAST, applicationName: 'pressx-midbatch' });
    await sink.writeBatch(fixtures.slice(0, 2));
    // Another session locks a document the next batch rewrites: the sink's transaction waits inside.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [fixtures[1].id]);
    const writing = sink.writeBatch(fixtures.slice(0, 12));
    let killed = 0;
    for (let i = 0; i < 100 && !killed; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const r = await holder.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'pressx-midbatch' AND wait_event_type = 'Lock'`);
      killed = r.rows.filter((x) => x.ok).length;
    }
    expect(killed).toBe(1);
    await holder.query('COMMIT');
    await holder.end();
    await writing; // retried on a new connection
    expect(await sink.ledger()).toEqual(shasOf(fixtures.slice(0, 12)));
    await sink.close();
    expect(await counts(url)).toEqual(expectedCounts(fixtures.slice(0, 12)));
  }, 60_000);

  it('lets concurrent writers upsert overlapping ids: each id once, no deadlock, children not doubled', async () => {
    const url = await freshDb();
    await (await openPostgresSink(url)).close(); // schema
    const records = Array.from({ length: 480 }, (_, i) => variant(fixtures[i % fixtures.length], i));
    // Writer A: 0..319 in batches of 40; writer B: 160..479 backwards in batches of 40; C: every third, shuffled.
    // Two empty files at different paths: two error records (two ids) with one ledger key.
    const empty = (uri: string): PressRecord => ({ ...errors[0], id: sha256(`error\0${uri}\0${errors[0].source.sha256}`), source: { ...errors[0].source, uri } });
    const a = [...records.slice(0, 200), empty('a/empty.txt'), ...records.slice(200, 320)];
    const b = [...records.slice(160).reverse().slice(0, 150), empty('b/empty.txt'), ...records.slice(160).reverse().slice(150)];
    const c = records.filter((_, i) => i % 3 === 0).sort((x, y) => (x.id < y.id ? -1 : 1));
    const writer = async (list: PressRecord[]) => {
      const sink = await openPostgresSink(url, FAST);
      for (let i = 0; i < list.length; i += 40) await sink.writeBatch(list.slice(i, i + 40));
      await sink.close();
    };
    // Writer D fires all its batches at once on one sink (one connection): the sink queues them.
    const overlapping = async (list: PressRecord[]) => {
      const sink = await openPostgresSink(url, FAST);
      const batches = [];
      for (let i = 0; i < list.length; i += 40) batches.push(sink.writeBatch(list.slice(i, i + 40)));
      await Promise.all(batches);
      await sink.close();
    };
    await Promise.all([writer(a), writer(b), writer(c), overlapping(records.slice(100, 380))]);
    expect(await counts(url)).toEqual(expectedCounts([...records, empty('a/empty.txt'), empty('b/empty.txt')]));
    // Not one deadlock was detected (and retried): the lock order holds.
    const deadlocks = await withClient(url, async (cl) => (await cl.query('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()')).rows[0].deadlocks);
    expect(Number(deadlocks)).toBe(0);
    const dup = await withClient(url, async (cl) => (await cl.query('SELECT count(*) AS n FROM (SELECT document_id, count(DISTINCT ord) FROM entities GROUP BY document_id HAVING count(*) <> count(DISTINCT ord)) x')).rows[0].n);
    expect(Number(dup)).toBe(0);
  }, 120_000);

  it('openSink routes postgres:// and postgresql:// URLs here', async () => {
    const url = await freshDb();
    for (const u of [url, url.replace(/^postgresql:/, 'postgres:')]) {
      const sink = await openSink(u);
      expect(sink.name.startsWith('postgresql://127.0.0.1:')).toBe(true);
      await sink.writeBatch(fixtures.slice(0, 1));
      await sink.close();
    }
    expect((await counts(url)).documents).toBe(1);
  });

  it('runs every query of docs/queries.md as written', async () => {
    const md = readFileSync(join(ROOT, 'docs', 'queries.md'), 'utf8');
    const queries = [...md.matchAll(/^```sql( sqlite| postgres)?\n([^`]*)^```/gm)].filter((m) => !m[1] || m[1].trim() === 'postgres').map((m) => m[2].trim());
    expect(queries.length).toBeGreaterThanOrEqual(6);
    await withClient(main, async (c) => {
      for (const q of queries) expect((await c.query(q)).rows.length, q).toBeGreaterThan(0);
    });
  });
});
