// The BullMQ sandboxed processor: `pressx worker` hands this file (dist/distributed/processor.js)
// to `new Worker(queue, file)`, and BullMQ runs it in child processes, one job at a time each. The
// extraction is CPU-bound; running it here keeps the worker's own event loop free to renew job
// locks, so a long document never makes BullMQ believe its worker died.
//
// One job: the document is rebuilt from the job (a file is re-read and must still hash to the job
// id), run through the same pipeline as `pressx run`, and its record is committed to the database
// before the job completes. A document that cannot be read or whose job is invalid becomes an
// error record; on its last attempt, the job fails after that record is committed.
import { readFile } from 'node:fs/promises';
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { errorRecord } from '../export/compile.js';
import type { PressRecord } from '../export/schema.js';
import { sha256, type SourceDoc } from '../ingest/sources.js';
import type { Pipeline } from '../pipeline.js';
import { openDb, writeDurably, type Db } from './db.js';
import { isSha256, JobData, type JobPipelineOptions, type JobResult } from './queue.js';

// The pipeline loads its models (about a second): start at once, while the first job is fetched.
const pipelineModule = import('../pipeline.js');
const pipelines = new Map<string, Pipeline>();

async function pipelineFor(options: JobPipelineOptions | undefined): Promise<Pipeline> {
  const o = { referenceDate: options?.referenceDate ?? null, lang: options?.lang ?? null };
  const key = `${o.referenceDate ?? ''}|${o.lang ?? ''}`;
  let p = pipelines.get(key);
  if (!p) {
    p = (await pipelineModule).createPipeline(o);
    pipelines.set(key, p);
  }
  return p;
}

let db: Db | null = null;
function database(): Db {
  const url = process.env.PRESSX_WORKER_DB;
  if (!url) throw new UnrecoverableError('PRESSX_WORKER_DB is not set: this file is run by `pressx worker`, not on its own');
  db ??= openDb(url);
  return db;
}

// When the worker process dies (SIGKILL, crash), the IPC channel closes: stop at once. The job in
// hand is left to BullMQ's stalled-job recovery, and writing it again later is harmless (upsert).
process.on('disconnect', () => process.exit(0));

/** A failure whose error record is already committed (the worker must not write another). */
function recorded<E extends Error>(err: E): E {
  (err as E & { recorded: boolean }).recorded = true;
  return err;
}

function isLastAttempt(job: SandboxedJob): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** Commits an error record for a document whose job cannot succeed, then fails the job with it. */
async function failWithRecord(src: SourceDoc, code: string, message: string, retry: boolean): Promise<never> {
  const record = errorRecord(src, code, message);
  await writeDurably(database(), record);
  throw recorded(retry ? new Error(message) : new UnrecoverableError(message));
}

function fsProblem(err: unknown, uri: string): { code: string; message: string } {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { code: 'not-found', message: `${uri}: no such file any more (it was there when it was enqueued)` };
  if (code === 'EISDIR') return { code: 'is-directory', message: `${uri} is now a folder, not a file` };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', message: `${uri}: permission denied` };
  return { code: 'unreadable', message: `${uri} cannot be read (${code ?? String(err)})` };
}

/** The SourceDoc a job stands for; throws (after recording, on the last attempt) when there is none. */
async function sourceOf(job: SandboxedJob, data: JobData): Promise<SourceDoc> {
  if (data.sha256 !== job.id) {
    return failWithRecord({ uri: data.uri, sha256: data.sha256 }, 'bad-job', `${data.uri}: job ${job.id} carries sha256 ${data.sha256}; the job id must be the document's sha256`, false);
  }
  switch (data.kind) {
    case 'file': {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(data.path));
      } catch (err) {
        const p = fsProblem(err, data.uri);
        // A missing or unreadable file may be a passing problem (a remounted share): retried,
        // and recorded as an error record when the attempts run out.
        if (!isLastAttempt(job)) throw new Error(p.message);
        return failWithRecord({ uri: data.uri, sha256: data.sha256 }, p.code, p.message, true);
      }
      const now = sha256(bytes);
      if (now !== data.sha256) {
        return failWithRecord(
          { uri: data.uri, sha256: data.sha256 },
          'changed',
          `${data.uri} changed after it was enqueued (sha256 ${data.sha256.slice(0, 12)}…, now ${now.slice(0, 12)}…); enqueue it again to process the new version`,
          false,
        );
      }
      return { uri: data.uri, bytes, sha256: now, size: bytes.length };
    }
    case 'bytes': {
      const bytes = new Uint8Array(Buffer.from(data.base64, 'base64'));
      if (sha256(bytes) !== data.sha256) {
        return failWithRecord({ uri: data.uri, sha256: data.sha256 }, 'bad-job', `${data.uri}: the job's bytes do not hash to its sha256`, false);
      }
      return { uri: data.uri, bytes, sha256: data.sha256, size: bytes.length };
    }
    case 'inline': {
      const { v: _v, kind: _k, options: _o, ...doc } = data;
      return doc;
    }
  }
}

export default async function processDocument(job: SandboxedJob<unknown, JobResult>): Promise<JobResult> {
  const parsed = JobData.safeParse(job.data);
  if (!parsed.success) {
    const d = job.data as { uri?: unknown; sha256?: unknown } | null;
    const uri = typeof d?.uri === 'string' ? d.uri : `job:${job.id ?? '?'}`;
    const sha = isSha256(job.id) ? job.id : null;
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'invalid';
    return failWithRecord({ uri, sha256: sha ?? undefined }, 'bad-job', `${uri}: job ${job.id} is not a pressx document job (${where})`, false);
  }
  const data = parsed.data;
  const src = await sourceOf(job, data);
  const { record } = (await pipelineFor(data.options)).process(src);
  await writeDurably(database(), record);
  return resultOf(record);
}

function resultOf(record: PressRecord): JobResult {
  return record.status === 'error' && record.error ? { id: record.id, status: 'error', error: record.error.code } : { id: record.id, status: record.status };
}
