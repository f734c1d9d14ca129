// The distributed mode end to end, on real servers: a redis-server and a PostgreSQL started for
// this file, `pressx enqueue` / `pressx worker` / `pressx status` run as separate processes from
// the built CLI (bin/pressx.js → dist/), real release texts.
//
//   1. 2,000 documents (files and JSON lines), two worker processes, one killed with SIGKILL in the
//      middle: its jobs are retaken (stalled-job recovery) and PostgreSQL ends up with every
//      document exactly once. Enqueueing the batch a second time adds nothing.
//   2. Redis restarted and PostgreSQL restarted under running workers: nothing lost, nothing doubled.
//   3. The same batch enqueued twice into a fresh queue and processed again: row counts unchanged.
//   4. Documents that always fail (deleted or changed after enqueue, an invalid job) end in the
//      failed set with their error and as error records; an unreadable input becomes an error record
//      at enqueue time; `pressx status` counts and lists them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpus } from './distributed-corpus.js';
import { CLI, ROOT } from './helpers.js';
import { startPostgres, type PgServer } from './servers/postgres.js';
import { startRedis, type RedisServer } from './servers/redis.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Short locks so that a killed worker's jobs are retaken within seconds, not the default 30 s.
const FAST_RECOVERY = ['--lock-duration', '4000', '--stalled-interval', '1000'];

let redis: RedisServer;
let pgServer: PgServer;
let work: string;
const queues: Queue[] = [];
const workers: WorkerProc[] = [];

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to completion (asynchronously: the workers' output keeps flowing meanwhile). */
function cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`pressx ${args.join(' ')} took over ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface WorkerProc {
  proc: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
}

/** `pressx worker …` in its own process group (so that SIGKILL can take its children too). */
function startWorker(args: string[]): WorkerProc {
  const proc = spawn(process.execPath, [CLI, 'worker', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const w = { proc, output: () => out, exited, alive: () => !done };
  workers.push(w);
  return w;
}

function killGroup(w: WorkerProc, signal: NodeJS.Signals): void {
  try {
    process.kill(-w.proc.pid!, signal);
  } catch {
    // already gone
  }
}

/** Stops a worker the way an operator would (SIGTERM) and returns its exit code. */
async function stopWorker(w: WorkerProc): Promise<number | null> {
  w.proc.kill('SIGTERM');
  const timeout = sleep(60_000).then(() => ({ code: -1, signal: null }));
  const r = await Promise.race([w.exited, timeout]);
  // PRESSX_TEST_LOGS=folder keeps each worker's output there, for reading after a run.
  if (process.env.PRESSX_TEST_LOGS) writeFileSync(join(process.env.PRESSX_TEST_LOGS, `worker-${w.proc.pid}.log`), w.output());
  if (r.code === -1) throw new Error(`worker did not stop within 60 s after SIGTERM:\n${w.output()}`);
  return r.code;
}

function openQueue(name: string): Queue {
  const q = new Queue(name, { connection: { url: redis.url, maxRetriesPerRequest: null } });
  q.on('error', () => undefined); // Redis restarts are part of the tests
  queues.push(q);
  return q;
}

type Counts = Record<'waiting' | 'active' | 'completed' | 'failed' | 'delayed', number>;

async function counts(q: Queue): Promise<Counts> {
  const c = await q.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
  return { waiting: c.waiting ?? 0, active: c.active ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0, delayed: c.delayed ?? 0 };
}

async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs: number, diagnostics: () => Promise<string> | string): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (await cond().catch(() => false)) return Date.now() - t0;
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${await diagnostics()}`);
}

/** A fresh database on the test server; returns its URL. */
async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ host: pgServer.host, port: pgServer.port, user: 'pressx', password: pgServer.password, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `postgresql://pressx:${encodeURIComponent(pgServer.password)}@${pgServer.host}:${pgServer.port}/${name}`;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function tableCounts(url: string): Promise<{ documents: number; distinctIds: number; ledger: number; errors: number; sources: number }> {
  const [r] = await query<{ documents: string; distinct_ids: string; ledger: string; errors: string; sources: string }>(
    url,
    `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(DISTINCT id) FROM documents) AS distinct_ids,
            (SELECT count(*) FROM ledger) AS ledger, (SELECT count(*) FROM documents WHERE status = 'error') AS errors,
            (SELECT count(*) FROM sources) AS sources`,
  );
  return { documents: Number(r.documents), distinctIds: Number(r.distinct_ids), ledger: Number(r.ledger), errors: Number(r.errors), sources: Number(r.sources) };
}

/** Writes documents `from`…`from+count-1`: the first `files` as .txt files, the rest as JSON lines. Returns their source sha256s. */
function writeCorpus(dir: string, from: number, count: number, files: number): Set<string> {
  mkdirSync(dir, { recursive: true });
  const shas = new Set<string>();
  const lines: string[] = [];
  corpus(from, count).forEach((doc, j) => {
    if (j < files) {
      const sub = join(dir, `part-${j % 8}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `${doc.name}.txt`), doc.text);
      shas.add(sha256(doc.text));
    } else {
      const line = JSON.stringify({ id: `wire-${doc.name}`, text: doc.text, published: `2025-0${1 + (j % 9)}-1${j % 10}` });
      lines.push(line);
      shas.add(sha256(line));
    }
  });
  if (lines.length) writeFileSync(join(dir, 'feed.jsonl'), lines.join('\n') + '\n');
  return shas;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'distributed', 'processor.js'))) {
    throw new Error('dist/distributed/processor.js is missing: run `npm run build` first (npm test does)');
  }
  work = mkdtempSync(join(tmpdir(), 'pressx-dist-'));
  [redis, pgServer] = await Promise.all([startRedis(), startPostgres({ database: 'pressx_dist' })]);
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (w.alive()) killGroup(w, 'SIGKILL');
  await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
  await redis?.stop();
  await pgServer?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('pressx distributed mode (real Redis and PostgreSQL)', () => {
  test('2,000 documents, two workers, one killed with SIGKILL: every document exactly once', async () => {
    const dir = join(work, 'batch-2000');
    const shas = writeCorpus(dir, 0, 2000, 1600);
    expect(shas.size).toBe(2000);
    const db = await createDatabase('dist_main');
    const q = openQueue('main');

    const t0 = Date.now();
    const first = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'main', '--json']);
    const enqueueMs = Date.now() - t0;
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ documents: 2000, added: 2000, known: 0, unreadable: 0 });
    const second = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'main', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ documents: 2000, added: 0, known: 2000 });

    const before = await cli(['status', '--redis', redis.url, '--queue', 'main']);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^\s*waiting\s+2000$/m);
    expect(before.stdout).toMatch(/^\s*completed\s+0$/m);

    // A takes several jobs at once, so that it surely holds some when it is killed.
    const a = startWorker(['--redis', redis.url, '--db', db, '--queue', 'main', '--concurrency', '3', ...FAST_RECOVERY]);
    const b = startWorker(['--redis', redis.url, '--db', db, '--queue', 'main', '--concurrency', '2', ...FAST_RECOVERY]);
    const diag = async () => `counts ${JSON.stringify(await counts(q).catch(() => null))}\n--- worker A:\n${a.output()}\n--- worker B:\n${b.output()}`;
    const t1 = Date.now();
    await waitFor('400 completed jobs', async () => (await counts(q)).completed >= 400, 150_000, diag);
    const atKill = await counts(q);
    killGroup(a, 'SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');

    await waitFor('all 2,000 jobs completed', async () => {
      const c = await counts(q);
      return c.completed === 2000 && c.active === 0 && c.waiting === 0 && c.delayed === 0;
    }, 180_000, diag);
    const processMs = Date.now() - t1;
    expect(b.alive()).toBe(true);
    expect(await stopWorker(b)).toBe(0);
    // B took over the jobs A held when it died (its stalled-job check said so).
    expect(b.output()).toMatch(/was left by a worker that stopped/);

    expect(await counts(q)).toEqual({ waiting: 0, active: 0, completed: 2000, failed: 0, delayed: 0 });
    const t = await tableCounts(db);
    expect(t).toEqual({ documents: 2000, distinctIds: 2000, ledger: 2000, errors: 0, sources: 2000 });
    const ledger = new Set((await query<{ sha256: string }>(db, 'SELECT sha256 FROM ledger')).map((r) => r.sha256));
    expect([...shas].filter((s) => !ledger.has(s))).toEqual([]);
    // JSON lines kept their ids and published dates.
    const [wire] = await query<{ n: string }>(db, "SELECT count(*) AS n FROM documents WHERE uri LIKE 'wire-%' AND published IS NOT NULL");
    expect(Number(wire.n)).toBe(400);

    const after = await cli(['status', '--redis', redis.url, '--queue', 'main', '--json']);
    expect(JSON.parse(after.stdout)).toEqual({ queue: 'main', waiting: 0, active: 0, completed: 2000, failed: 0, delayed: 0 });
    console.info(`[distributed] 2,000 docs: enqueue ${enqueueMs} ms, processing ${processMs} ms (A killed at ${atKill.completed} completed, ${atKill.active} active)`);
  }, 360_000);

  test('Redis and PostgreSQL restarted under running workers: nothing lost, nothing doubled', async () => {
    const dir = join(work, 'batch-restart');
    const shas = writeCorpus(dir, 2000, 400, 400);
    const db = await createDatabase('dist_restart');
    const q = openQueue('restart');
    const e = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'restart', '--json']);
    expect(JSON.parse(e.stdout)).toMatchObject({ added: 400, known: 0 });

    const w1 = startWorker(['--redis', redis.url, '--db', db, '--queue', 'restart', '--concurrency', '1', ...FAST_RECOVERY]);
    const w2 = startWorker(['--redis', redis.url, '--db', db, '--queue', 'restart', '--concurrency', '1', ...FAST_RECOVERY]);
    const diag = async () => `counts ${JSON.stringify(await counts(q).catch(() => null))}\n--- worker 1:\n${w1.output()}\n--- worker 2:\n${w2.output()}`;

    await waitFor('100 completed jobs', async () => (await counts(q)).completed >= 100, 120_000, diag);
    const t0 = Date.now();
    await redis.restart(2000);
    const atRestart = (await counts(q)).completed;
    const resumedMs = await waitFor('progress after the Redis restart', async () => (await counts(q)).completed > atRestart, 60_000, diag);
    await waitFor('200 completed jobs', async () => (await counts(q)).completed >= 200, 120_000, diag);

    const beforeBlip = (await counts(q)).completed;
    await pgServer.pgStop();
    const atStop = (await counts(q)).completed;
    await sleep(3000);
    // No job completes while its record cannot be committed (at most the ones whose commit went
    // through just before the shutdown, one per worker child).
    const duringOutage = (await counts(q)).completed - atStop;
    await pgServer.pgStart();
    await waitFor('all 400 jobs completed', async () => {
      const c = await counts(q);
      return c.completed === 400 && c.active === 0 && c.waiting === 0 && c.delayed === 0;
    }, 180_000, diag);
    const totalMs = Date.now() - t0;
    expect(beforeBlip).toBeLessThan(400); // the database went away in the middle of the work
    expect(duringOutage).toBeLessThanOrEqual(2);

    expect(w1.alive() && w2.alive()).toBe(true);
    expect(await stopWorker(w1)).toBe(0);
    expect(await stopWorker(w2)).toBe(0);
    expect(await counts(q)).toEqual({ waiting: 0, active: 0, completed: 400, failed: 0, delayed: 0 });
    expect(await tableCounts(db)).toEqual({ documents: 400, distinctIds: 400, ledger: 400, errors: 0, sources: 400 });
    const ledger = new Set((await query<{ sha256: string }>(db, 'SELECT sha256 FROM ledger')).map((r) => r.sha256));
    expect([...shas].every((s) => ledger.has(s))).toBe(true);
    // The workers saw both outages.
    const logs = w1.output() + w2.output();
    expect(logs).toMatch(/Redis: /);
    console.info(`[distributed] restarts: work resumed ${resumedMs} ms after Redis came back; DB down at ${atStop} completed (${duringOutage} completed while down); 400 done ${totalMs} ms after the Redis restart`);
  }, 360_000);

  test('the same batch enqueued twice and processed again: row counts unchanged', async () => {
    const dir = join(work, 'batch-restart'); // test 2's documents, already in dist_restart
    const db = `postgresql://pressx:${encodeURIComponent(pgServer.password)}@${pgServer.host}:${pgServer.port}/dist_restart`;
    const before = await tableCounts(db);
    expect(before.documents).toBe(400);
    const [{ last }] = await query<{ last: string }>(db, 'SELECT max(processed_at)::text AS last FROM documents');

    // Into the queue that processed them: every job id is taken (completed jobs are kept).
    const again = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'restart', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ documents: 400, added: 0, known: 400 });

    // Into a fresh queue, twice, then processed a second time into the same database.
    const q = openQueue('again');
    const e1 = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'again', '--json']);
    const e2 = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'again', '--json']);
    expect(JSON.parse(e1.stdout)).toMatchObject({ added: 400, known: 0 });
    expect(JSON.parse(e2.stdout)).toMatchObject({ added: 0, known: 400 });
    expect((await counts(q)).waiting).toBe(400);

    const w = startWorker(['--redis', redis.url, '--db', db, '--queue', 'again', '--concurrency', '2']);
    await waitFor('400 completed again', async () => (await counts(q)).completed === 400, 180_000, async () => `${JSON.stringify(await counts(q))}\n${w.output()}`);
    expect(await stopWorker(w)).toBe(0);
    expect(await tableCounts(db)).toEqual(before);
    // Every row was written a second time (upserted), none added.
    const [rewritten] = await query<{ n: string }>(db, `SELECT count(*) AS n FROM documents WHERE processed_at > '${last}'`);
    expect(Number(rewritten.n)).toBe(400);
  }, 300_000);

  test('documents that always fail end in the failed set and as error records', async () => {
    const dir = join(work, 'failing');
    mkdirSync(dir);
    const db = await createDatabase('dist_fail');
    const q = openQueue('fail');
    const [okDoc, goneDoc, changedDoc] = corpus(3000, 3);
    writeFileSync(join(dir, 'ok.txt'), okDoc.text);
    writeFileSync(join(dir, 'gone.txt'), goneDoc.text);
    writeFileSync(join(dir, 'changed.txt'), changedDoc.text);
    const goneSha = sha256(goneDoc.text);
    const changedSha = sha256(changedDoc.text);

    const e = await cli(['enqueue', dir, '--redis', redis.url, '--queue', 'fail', '--attempts', '3', '--backoff', '200', '--json']);
    expect(JSON.parse(e.stdout)).toMatchObject({ documents: 3, added: 3 });
    // An input that cannot be read has no sha256 and no job: with --db it becomes an error record.
    const missing = await cli(['enqueue', join(dir, 'missing.txt'), '--redis', redis.url, '--queue', 'fail', '--db', db, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ documents: 1, added: 0, unreadable: 1, unreadableRecorded: true });
    expect(missing.stderr).toMatch(/missing\.txt: no such file/);

    // After enqueue: one file deleted, one changed, and a job whose payload is not a document job.
    unlinkSync(join(dir, 'gone.txt'));
    writeFileSync(join(dir, 'changed.txt'), changedDoc.text + '\nUpdated after the release went out.\n');
    const badId = sha256('not a pressx job');
    await q.add('document', { v: 1, kind: 'file', uri: 'bad-job.txt' }, { jobId: badId, attempts: 3, backoff: { type: 'exponential', delay: 200 } });

    const w = startWorker(['--redis', redis.url, '--db', db, '--queue', 'fail', '--concurrency', '1']);
    await waitFor('3 failed and 1 completed', async () => {
      const c = await counts(q);
      return c.failed === 3 && c.completed === 1 && c.delayed === 0 && c.waiting === 0 && c.active === 0;
    }, 90_000, async () => `${JSON.stringify(await counts(q))}\n${w.output()}`);
    expect(await stopWorker(w)).toBe(0);

    const failed = await q.getFailed();
    const byId = new Map(failed.map((j) => [j.id, j]));
    expect(byId.get(goneSha)?.attemptsMade).toBe(3); // retried with backoff, then failed
    expect(byId.get(goneSha)?.failedReason).toMatch(/gone\.txt: no such file/);
    expect(byId.get(changedSha)?.attemptsMade).toBe(1); // retrying cannot help: failed at once
    expect(byId.get(changedSha)?.failedReason).toMatch(/changed\.txt changed after it was enqueued/);
    expect(byId.get(badId)?.attemptsMade).toBe(1);
    expect(byId.get(badId)?.failedReason).toMatch(/not a pressx document job/);
    expect(w.output()).toMatch(/attempt 2 of 3 failed, retried later: .*gone\.txt: no such file/);
    expect(w.output()).toMatch(/failed after 3 attempt\(s\): .*gone\.txt: no such file/);

    const rows = await query<{ uri: string; status: string; error_code: string | null; source_sha256: string | null; error_message: string | null }>(
      db,
      'SELECT uri, status, error_code, source_sha256, error_message FROM documents ORDER BY uri',
    );
    const byUri = Object.fromEntries(rows.map((r) => [r.uri.replace(dir + '/', ''), r]));
    expect(rows).toHaveLength(5);
    expect(byUri['ok.txt']).toMatchObject({ status: 'ok', error_code: null });
    // The worker runs the same pipeline as `pressx extract`/`pressx run`: the same record.
    const extracted = await cli(['extract', join(dir, 'ok.txt')]);
    const [stored] = await query<{ record: unknown }>(db, "SELECT record FROM documents WHERE status = 'ok'");
    const record = typeof stored.record === 'string' ? JSON.parse(stored.record) : stored.record;
    expect(record).toEqual(JSON.parse(extracted.stdout));
    expect(byUri['gone.txt']).toMatchObject({ status: 'error', error_code: 'not-found', source_sha256: goneSha });
    expect(byUri['changed.txt']).toMatchObject({ status: 'error', error_code: 'changed', source_sha256: changedSha });
    expect(byUri['bad-job.txt']).toMatchObject({ status: 'error', error_code: 'bad-job', source_sha256: badId });
    expect(byUri['missing.txt']).toMatchObject({ status: 'error', error_code: 'not-found', source_sha256: null });

    const s = await cli(['status', '--redis', redis.url, '--queue', 'fail', '--json', '--failed']);
    const status = JSON.parse(s.stdout) as Counts & { failedJobs: { id: string; uri: string; attempts: number; reason: string }[] };
    expect(status).toMatchObject({ waiting: 0, active: 0, completed: 1, failed: 3, delayed: 0 });
    expect(status.failedJobs.map((f) => f.id).sort()).toEqual([goneSha, changedSha, badId].sort());
    const text = await cli(['status', '--redis', redis.url, '--queue', 'fail', '--failed']);
    expect(text.stdout).toMatch(/^\s*failed\s+3$/m);
    expect(text.stdout).toMatch(/gone\.txt \(3 attempt\(s\)\): .*no such file/);
  }, 180_000);

  test('status and enqueue fail clearly when Redis cannot be reached', async () => {
    const r = await cli(['status', '--redis', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    const bad = await cli(['worker', '--redis', 'http://x', '--db', 'postgres://h/db']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/redis:\/\/ or rediss:\/\//);
  }, 60_000);
});
