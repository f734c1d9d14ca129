// `pressx worker`: takes document jobs from a BullMQ queue and commits their records to PostgreSQL.
//
// The extraction runs in BullMQ sandboxed child processes (processor.ts), `concurrency` of them;
// this process only talks to Redis (fetching jobs, renewing their locks, completing them) and so
// stays responsive however long a document takes. A job completes only after its record is
// committed: the child writes it before it returns.
//
// Failures: a job that throws is retried with exponential backoff (the attempts and delay are set
// per job by `pressx enqueue`). When its attempts run out it stays in the failed set with its
// error, and an error record is committed for it: by the child for the failures it understands
// (a missing or changed file, an invalid job), by this process otherwise (a child that crashed).
//
// Redis going away: the connections reconnect forever (maxRetriesPerRequest: null); jobs whose
// lock expired meanwhile are handed out again by the stalled-job check, and writing a record twice
// is harmless (upsert by record id). SIGTERM or SIGINT: stop taking jobs, let the running ones
// finish and commit, then exit 0; a second signal exits at once.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Job, Worker as BullWorker } from 'bullmq';
import { errorRecord } from '../export/compile.js';
import { openDb, writeDurably } from './db.js';
import { isSha256, JobData, redact, redisConnection, type JobResult } from './queue.js';

export interface WorkerOptions {
  redis: string;
  db: string;
  queue: string;
  concurrency?: number;
  /** How long a job's lock lasts without renewal (ms); a dead worker's jobs are retaken after it. */
  lockDuration?: number;
  /** How often this worker looks for jobs whose worker died (ms). */
  stalledInterval?: number;
  /** How many times a job may be retaken from a dead worker before it fails. */
  maxStalled?: number;
  quiet?: boolean;
}

export const DEFAULT_LOCK_DURATION_MS = 30_000;
export const DEFAULT_STALLED_INTERVAL_MS = 30_000;
export const DEFAULT_MAX_STALLED = 2;

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** The sandboxed processor beside this file: processor.js when built, processor.ts under tsx. */
function processorFile(): URL {
  const js = new URL('./processor.js', import.meta.url);
  if (existsSync(js)) return js;
  const ts = new URL('./processor.ts', import.meta.url);
  if (existsSync(ts)) return ts;
  throw new Error(`the job processor ${fileURLToPath(js)} is missing; run \`npm run build\``);
}

function log(line: string): void {
  process.stderr.write(`pressx worker: ${line}\n`);
}

/** Logs a repeated message (a reconnect loop) at most once every 10 s, with a count of the others. */
function throttledLog(): (line: string) => void {
  const last = new Map<string, { at: number; skipped: number }>();
  return (line) => {
    const now = Date.now();
    const seen = last.get(line);
    if (seen && now - seen.at < 10_000) {
      seen.skipped++;
      return;
    }
    log(seen?.skipped ? `${line} (and ${seen.skipped} more times)` : line);
    last.set(line, { at: now, skipped: 0 });
  };
}

/** The uri of a job for messages and error records, as far as its data tells. */
function jobUri(job: Job): string {
  const d = job.data as { uri?: unknown } | null;
  return typeof d?.uri === 'string' ? d.uri : `job:${job.id ?? '?'}`;
}

/** Runs until SIGTERM/SIGINT; sets process.exitCode. */
export async function runWorker(o: WorkerOptions): Promise<void> {
  const concurrency = o.concurrency ?? defaultConcurrency();
  const processor = processorFile();

  // Open the database here first: it applies the schema once (not in every child at the same time)
  // and fails fast, with a clear message, when the database cannot be reached at all.
  const db = openDb(o.db);
  let sinkName: string;
  try {
    sinkName = (await db.sink()).name;
  } catch (err) {
    throw new Error(`cannot open the database: ${err instanceof Error ? err.message : String(err)}`);
  }

  const { Worker } = await import('bullmq');
  const errorLog = throttledLog();
  const worker: BullWorker<unknown, JobResult> = new Worker<unknown, JobResult>(o.queue, processor, {
    connection: redisConnection(o.redis, 'worker'),
    concurrency,
    lockDuration: o.lockDuration ?? DEFAULT_LOCK_DURATION_MS,
    stalledInterval: o.stalledInterval ?? DEFAULT_STALLED_INTERVAL_MS,
    maxStalledCount: o.maxStalled ?? DEFAULT_MAX_STALLED,
    // The children find the database here, not in the job data (a URL may hold a password).
    workerForkOptions: { env: { ...process.env, PRESSX_WORKER_DB: o.db } },
    autorun: false,
  });

  let completed = 0;
  let failed = 0;
  let retried = 0;
  let errorRecords = 0;
  let pendingWrites: Promise<void> = Promise.resolve();

  worker.on('error', (err) => errorLog(`Redis: ${err.message}`));
  worker.on('stalled', (jobId) => {
    if (!o.quiet) log(`job ${jobId} was left by a worker that stopped; it is queued again`);
  });
  let inHand = 0;
  worker.on('active', () => {
    inHand++;
  });
  worker.on('completed', (_job, result) => {
    inHand = Math.max(0, inHand - 1);
    completed++;
    if (result?.status === 'error') errorRecords++;
  });
  worker.on('failed', (job, err) => {
    inHand = Math.max(0, inHand - 1);
    if (!job) return;
    // finishedOn is set only when the job has no attempt left; otherwise it waits for a retry.
    // The processor's messages start with the document's uri; others (a crash) get it here.
    const what = err.message.startsWith(jobUri(job)) ? err.message : `${jobUri(job)}: ${err.message}`;
    if (!job.finishedOn) {
      retried++;
      if (!o.quiet) log(`attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1} failed, retried later: ${what}`);
      return;
    }
    failed++;
    log(`failed after ${job.attemptsMade} attempt(s): ${what}`);
    if ((err as Error & { recorded?: boolean }).recorded) return;
    // The child did not get to record it (it crashed, or the database was down): record it here.
    const parsed = JobData.safeParse(job.data);
    const uri = parsed.success ? parsed.data.uri : jobUri(job);
    const record = errorRecord(
      { uri, sha256: isSha256(job.id) ? job.id : undefined },
      'job-failed',
      `${uri}: processing failed ${job.attemptsMade} time(s); last error: ${err.message}`,
    );
    pendingWrites = pendingWrites.then(() =>
      writeDurably(db, record).catch((e: unknown) => log(`${uri}: could not write its error record: ${e instanceof Error ? e.message : String(e)}`)),
    );
  });

  const progress = setInterval(() => {
    if (!o.quiet && completed + failed > 0) log(`${completed} completed (${errorRecords} as error records), ${failed} failed, ${retried} retries`);
  }, 30_000);
  progress.unref();

  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log(`${signal} again: stopping now; unfinished jobs go back to the queue when their lock expires`);
        process.exit(1);
      }
      stopping = true;
      log(`${signal}: finishing the jobs in hand, then stopping (${signal} again stops at once)`);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });

  worker.once('ready', () => {
    if (!stopping) log(`queue "${o.queue}" at ${redact(o.redis)} → ${sinkName}, ${concurrency} at a time`);
  });
  const running = worker.run().catch((err: unknown) => {
    log(`stopped on an error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });

  await Promise.race([stopped, running]);
  clearInterval(progress);
  const clean = await closeWorker(worker, () => inHand);
  if (clean) await running;
  await pendingWrites;
  await db.close();
  log(`stopped: ${completed} completed (${errorRecords} as error records), ${failed} failed, ${retried} retries`);
  process.exitCode ??= 0;
  // After a forced close, ioredis may still hold a reconnect timer: do not wait for it.
  if (!clean) process.exit(process.exitCode);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Closes the worker: no new jobs, the jobs in hand finish and complete. While Redis is unreachable
 * that cannot finish; then, once no job is in hand (after 3 s) or after 60 s at most, the worker
 * is closed by force: jobs still in hand are retaken by the stalled-job check later (their records
 * may already be committed; writing them again is harmless). Returns false when forced.
 */
async function closeWorker(worker: BullWorker<unknown, JobResult>, inHand: () => number): Promise<boolean> {
  const closing = worker.close().then(() => true);
  const t0 = Date.now();
  for (;;) {
    if (await Promise.race([closing, sleep(500).then(() => false)])) return true;
    const waited = Date.now() - t0;
    if ((inHand() === 0 && waited >= 3000) || waited >= 60_000) break;
  }
  log(`could not stop cleanly (is Redis reachable?); ${inHand()} job(s) in hand are left to the stalled-job check`);
  await Promise.race([worker.close(true).catch(() => undefined), sleep(5000)]);
  return false;
}
