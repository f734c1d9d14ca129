// `pressx run --db postgres://…` against a real PostgreSQL server: idempotent re-runs, and a
// database that goes away mid-run: a bounded wait, a message naming the database, a non-zero exit,
// and nothing lost of what was committed; the next run completes the rest, none twice.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variedDocuments } from './corpus-gen.js';
import { CLI, pressx, ROOT } from './helpers.js';
import { startPostgres, type PgServer } from './servers/postgres.js';

let server: PgServer;
let dir: string;

beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'pressx-runpg-'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function counts(): Promise<{ documents: number; ledger: number; distinct: number; entities: number }> {
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    const r = await c.query(
      'SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM ledger)::int AS ledger, (SELECT count(DISTINCT id) FROM documents)::int AS distinct, (SELECT count(*) FROM entities)::int AS entities',
    );
    return r.rows[0];
  } finally {
    await c.end();
  }
}

describe('pressx run --db postgres://', () => {
  it('stores every document once; running the batch again, or with --force, leaves the counts unchanged', async () => {
    const fixtures = join(ROOT, 'fixtures');
    let r = pressx(['run', fixtures, '--db', server.url, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const first = await counts();
    expect(first).toMatchObject({ documents: 16, ledger: 16, distinct: 16 });
    expect(first.entities).toBeGreaterThan(50);
    r = pressx(['run', fixtures, '--db', server.url, '-q']);
    expect(r.stderr).toMatch(/0 documents, 0 ok, 0 errors, 16 skipped/);
    r = pressx(['run', fixtures, '--db', server.url, '--force', '-q']);
    expect(r.stderr).toMatch(/16 documents, 16 ok/);
    expect(await counts()).toEqual(first);
  });

  it('exits non-zero, naming the database, when PostgreSQL stops mid-run; the next run completes the rest once', { timeout: 300_000 }, async () => {
    const input = join(dir, 'in');
    mkdirSync(input);
    const N = 120;
    variedDocuments(N).forEach((t, i) => writeFileSync(join(input, `d${String(i).padStart(3, '0')}.txt`), `${t}\n\nRef. ${i}-${N}`));
    const before = await counts();
    const child = spawn(process.execPath, [CLI, 'run', input, '--db', server.url, '--workers', '2', '-q'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the first commits, then take the database away.
    const t0 = Date.now();
    while ((await counts()).documents === before.documents && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 200));
    await server.pgStop();
    const stoppedAt = Date.now();
    const code = await exited;
    const waited = (Date.now() - stoppedAt) / 1000;
    await server.pgStart();
    expect(code).not.toBe(0);
    expect(stderr).toMatch(new RegExp(`127\\.0\\.0\\.1:${server.port}/${server.database}`));
    expect(stderr).not.toContain(server.password);
    // Bounded: the sink's retries (about 8 s) and the documents in flight, not a hang.
    expect(waited).toBeLessThan(60);
    const mid = await counts();
    // What was committed is whole: one ledger row per new document, nothing half-written.
    expect(mid.documents - before.documents).toBe(mid.ledger - before.ledger);
    expect(mid.documents - before.documents).toBeLessThan(N);
    const again = pressx(['run', input, '--db', server.url, '--workers', '2', '-q']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`${N - (mid.documents - before.documents)} documents`));
    const end = await counts();
    expect(end.documents - before.documents).toBe(N);
    expect(end.ledger - before.ledger).toBe(N);
    expect(end.distinct).toBe(end.documents);
  });
});
