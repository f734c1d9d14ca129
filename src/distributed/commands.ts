// The distributed mode's commands: enqueue, worker, status. This file is imported by the CLI at
// start-up, so it loads nothing heavy itself: BullMQ, the pipeline and the database drivers are
// imported inside the actions (`pressx --help` stays fast).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { checkRedisUrl, COUNTED_STATES, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, DEFAULT_QUEUE, JOB_NAME, redact, type JobPipelineOptions } from './queue.js';
import type { Queue } from 'bullmq';

/** Documents whose problems are printed one by one; past this, only a count. */
const MAX_REPORTED = 50;
/** Jobs added to Redis per round trip. */
const CHUNK = 500;

function redisUrl(value: string): string {
  try {
    return checkRedisUrl(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^--redis \S+: /, ''));
  }
}

function postgresUrl(value: string): string {
  if (!/^postgres(ql)?:\/\//i.test(value)) throw new InvalidArgumentError('expected a postgres:// or postgresql:// URL, e.g. postgres://user@127.0.0.1:5432/pressx');
  return value;
}

function queueName(value: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(value)) throw new InvalidArgumentError('expected a name of letters, digits, ".", "_" or "-"');
  return value;
}

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function referenceDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2025-03-14');
  return value;
}

function langCode(value: string): string {
  if (!/^[a-z]{2,3}$/.test(value)) throw new InvalidArgumentError('expected an ISO 639-1 code such as en, fr, de, es, pt');
  return value;
}

const redisOption = () => new Option('--redis <url>', 'the Redis server holding the queue, e.g. redis://127.0.0.1:6379').argParser(redisUrl).makeOptionMandatory();
const queueOption = () => new Option('--queue <name>', 'the queue name').default(DEFAULT_QUEUE).argParser(queueName);

/** A BullMQ queue for a short-lived command, connected (or a clear error if Redis cannot be reached). */
async function connectQueue(url: string, name: string): Promise<Queue> {
  const [{ Queue }, { redisConnection }] = await Promise.all([import('bullmq'), import('./queue.js')]);
  const queue = new Queue(name, { connection: redisConnection(url, 'client') });
  let lastError: Error | undefined;
  queue.on('error', (err) => {
    lastError = err;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      queue.waitUntilReady(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), 10_000);
      }),
    ]);
  } catch (err) {
    await queue.close().catch(() => undefined);
    throw new Error(`cannot reach Redis at ${redact(url)}: ${lastError?.message ?? (err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  return queue;
}

interface EnqueueOptions {
  redis: string;
  queue: string;
  db?: string;
  attempts: number;
  backoff: number;
  referenceDate?: string;
  lang?: string;
  json?: boolean;
}

async function enqueue(inputs: string[], o: EnqueueOptions): Promise<void> {
  const [{ readSources }, { jobDataFor, jobOptions, isSha256 }, { errorRecord }] = await Promise.all([
    import('../ingest/sources.js'),
    import('./queue.js'),
    import('../export/compile.js'),
  ]);
  const options: JobPipelineOptions = { referenceDate: o.referenceDate ?? null, lang: o.lang ?? null };
  const queue = await connectQueue(o.redis, o.queue);
  const db = o.db ? (await import('./db.js')).openDb(o.db) : null;
  let documents = 0;
  let added = 0;
  let known = 0;
  let reported = 0;
  const unreadable: import('../export/schema.js').PressRecord[] = [];
  const seen = new Set<string>();
  let pending: { sha: string; data: unknown }[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const client = await queue.backend.client;
    const tx = client.pipeline();
    for (const p of batch) tx.runCommand('exists', [queue.toKey(p.sha)]);
    const exists = (await tx.exec()) ?? [];
    const fresh = batch.filter((_, i) => {
      const [err, n] = exists[i] ?? [null, 0];
      if (err) throw err;
      return n === 0;
    });
    known += batch.length - fresh.length;
    if (fresh.length) await queue.addBulk(fresh.map((p) => ({ name: JOB_NAME, data: p.data, opts: jobOptions(p.sha, o.attempts, o.backoff) })));
    added += fresh.length;
  };

  try {
    for await (const src of readSources(inputs)) {
      documents++;
      if (!isSha256(src.sha256)) {
        // Nothing to enqueue: the input could not be read here, so no worker could read it either.
        const record = errorRecord(src, src.error?.code ?? 'unreadable', src.error?.message ?? `${src.uri} cannot be read`);
        unreadable.push(record);
        if (reported++ < MAX_REPORTED) process.stderr.write(`pressx enqueue: ${record.error!.message}\n`);
        continue;
      }
      if (seen.has(src.sha256)) {
        known++; // the same bytes twice in this run (a copied file): one job
        continue;
      }
      seen.add(src.sha256);
      const absolute = src.bytes !== undefined && src.uri !== '-' ? resolve(src.uri) : null;
      pending.push({ sha: src.sha256, data: jobDataFor(src, absolute, options) });
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
    if (unreadable.length && db) {
      const { writeDurably } = await import('./db.js');
      await writeDurably(db, unreadable, 10_000);
    }
  } finally {
    await queue.close().catch(() => undefined);
    await db?.close();
  }

  if (reported > MAX_REPORTED) process.stderr.write(`pressx enqueue: … and ${reported - MAX_REPORTED} more inputs that cannot be read\n`);
  const fate = unreadable.length ? (db ? 'written as error records' : 'not enqueued; give --db to store them as error records') : '';
  if (o.json) {
    process.stdout.write(JSON.stringify({ queue: o.queue, documents, added, known, unreadable: unreadable.length, unreadableRecorded: Boolean(db) && unreadable.length > 0 }) + '\n');
  } else {
    const tail = unreadable.length ? `, ${unreadable.length} unreadable (${fate})` : '';
    process.stdout.write(`pressx enqueue: ${documents} documents: ${added} added, ${known} already known${tail} (queue "${o.queue}")\n`);
  }
  process.exitCode = unreadable.length ? 1 : 0;
}

interface StatusOptions {
  redis: string;
  queue: string;
  json?: boolean;
  failed?: number | boolean;
}

async function status(o: StatusOptions): Promise<void> {
  const queue = await connectQueue(o.redis, o.queue);
  try {
    const counts = await queue.getJobCounts(...COUNTED_STATES);
    const row = Object.fromEntries(COUNTED_STATES.map((s) => [s, counts[s] ?? 0])) as Record<(typeof COUNTED_STATES)[number], number>;
    const limit = o.failed === true ? 20 : typeof o.failed === 'number' ? o.failed : 0;
    const failedJobs = limit > 0 ? (await queue.getFailed(0, limit - 1)).filter((j) => j) : [];
    const failures = failedJobs.map((j) => ({
      id: j.id ?? null,
      uri: typeof (j.data as { uri?: unknown })?.uri === 'string' ? (j.data as { uri: string }).uri : null,
      attempts: j.attemptsMade,
      reason: j.failedReason ?? null,
    }));
    if (o.json) {
      process.stdout.write(JSON.stringify({ queue: o.queue, ...row, ...(limit > 0 ? { failedJobs: failures } : {}) }) + '\n');
      return;
    }
    process.stdout.write(`queue "${o.queue}" at ${redact(o.redis)}\n`);
    for (const s of COUNTED_STATES) process.stdout.write(`  ${s.padEnd(10)} ${String(row[s]).padStart(8)}\n`);
    if (limit > 0) {
      process.stdout.write(failures.length ? `failed jobs (newest first, at most ${limit}):\n` : 'no failed jobs\n');
      for (const f of failures) process.stdout.write(`  ${f.uri ?? `job ${f.id}`} (${f.attempts} attempt(s)): ${f.reason ?? 'no reason recorded'}\n`);
    }
  } finally {
    await queue.close().catch(() => undefined);
  }
}

export function registerDistributedCommands(program: Command): void {
  program
    .command('enqueue')
    .description('add one job per document to a BullMQ queue in Redis (job id = the sha256 of its bytes, so nothing is added twice)')
    .argument('<inputs...>', 'files, folders (.txt, .md, .jsonl, .ndjson, recursively), glob patterns, or - for standard input')
    .addOption(redisOption())
    .addOption(queueOption())
    .addOption(new Option('--db <url>', 'PostgreSQL URL: inputs that cannot be read become error records there (otherwise they are only reported)').argParser(postgresUrl))
    .addOption(new Option('--attempts <n>', 'tries per document before its job fails (the first included)').default(DEFAULT_ATTEMPTS).argParser(integer(1, 100)))
    .addOption(new Option('--backoff <ms>', 'delay before the first retry, doubled at each further retry').default(DEFAULT_BACKOFF_MS).argParser(integer(0, 3_600_000)))
    .addOption(new Option('--reference-date <YYYY-MM-DD>', 'resolve relative dates against this date (applied by the workers)').argParser(referenceDate))
    .addOption(new Option('--lang <code>', 'skip language detection and treat every document as this language').argParser(langCode))
    .option('--json', 'print the counts as JSON')
    .action(async (inputs: string[], o: EnqueueOptions) => enqueue(inputs, o));

  program
    .command('worker')
    .description('process queued documents with the pipeline and commit their records to PostgreSQL (runs until SIGTERM/SIGINT)')
    .addOption(redisOption())
    .addOption(new Option('--db <url>', 'the PostgreSQL database, e.g. postgres://pressx@127.0.0.1:5432/pressx').argParser(postgresUrl).makeOptionMandatory())
    .addOption(queueOption())
    .addOption(new Option('--concurrency <n>', 'documents processed at once, each in its own child process (default: the number of cores)').argParser(integer(1, 256)))
    .addOption(new Option('--lock-duration <ms>', "a job's lock: a stopped worker's jobs are handed out again this long after it stopped").default(30_000).argParser(integer(1000, 3_600_000)))
    .addOption(new Option('--stalled-interval <ms>', 'how often to look for jobs left by stopped workers').default(30_000).argParser(integer(100, 3_600_000)))
    .addOption(new Option('--max-stalled <n>', 'times a job may be left by a stopped worker before it fails').default(2).argParser(integer(0, 100)))
    .option('-q, --quiet', 'print only failures and the final summary')
    .action(async (o: { redis: string; db: string; queue: string; concurrency?: number; lockDuration: number; stalledInterval: number; maxStalled: number; quiet?: boolean }) => {
      const { runWorker } = await import('./worker.js');
      await runWorker(o);
    });

  program
    .command('status')
    .description('print the counts of waiting, active, completed, failed and delayed jobs')
    .addOption(redisOption())
    .addOption(queueOption())
    .option('--json', 'print the counts as JSON')
    .addOption(new Option('--failed [n]', 'also list the failed jobs with their errors (newest first, 20 unless n is given)').argParser(integer(1, 100_000)))
    .action(async (o: StatusOptions) => status(o));
}
