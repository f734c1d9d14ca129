// The distributed mode's shared vocabulary: the queue's name and connection, what a job carries,
// and how a job turns back into a SourceDoc. Used by `pressx enqueue`, `pressx worker` (and its
// sandboxed processor) and `pressx status`.
//
// One job per document, and the job id is the sha256 of the document's raw bytes (the file, or the
// JSON line), so BullMQ itself refuses a second job for a document it already holds: enqueueing the
// same batch twice adds nothing. Jobs stay small: a file travels as its path (the worker re-reads
// it and checks the sha256), a JSON line as its text.
import { z } from 'zod';
import type { ConnectionOptions, JobsOptions } from 'bullmq';
import type { SourceDoc } from '../ingest/sources.js';

export const DEFAULT_QUEUE = 'pressx';
/** The BullMQ job name of every document job. */
export const JOB_NAME = 'document';
/** Tries per job (the first run included) and the first retry delay, doubled at each retry. */
export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2000;

const SHA256_RE = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_RE.test(value);
}

/** Accepts redis://, rediss:// and unix: URLs; anything else is a usage error worth a clear message. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--redis ${JSON.stringify(url)} is not a URL; expected e.g. redis://127.0.0.1:6379`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`--redis ${redact(url)}: expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0`);
  }
  return url;
}

/** A URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Connection options. Workers block on Redis and must wait through an outage rather than fail
 * (maxRetriesPerRequest: null, reconnecting forever, which BullMQ requires of workers); the
 * short-lived commands (enqueue, status) give up after a few seconds with a clear message.
 */
export function redisConnection(url: string, role: 'worker' | 'client'): ConnectionOptions {
  if (role === 'worker') {
    return {
      url,
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      // Reconnect forever: quickly at first (a restart is back within seconds), then every 2 s.
      retryStrategy: (times: number) => Math.min(100 * times, 2000),
    };
  }
  return {
    url,
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
    retryStrategy: (times: number) => (times > 3 ? null : 300 * times),
  };
}

/** Pipeline options chosen at enqueue time; every worker applies them to the job. */
export const JobPipelineOptions = z
  .object({
    referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    lang: z.string().regex(/^[a-z]{2,3}$/).nullable().optional(),
  })
  .strict();
export type JobPipelineOptions = z.infer<typeof JobPipelineOptions>;

const warning = z.object({ code: z.string(), message: z.string(), line: z.number().optional() });

/** What every job carries: the format version, the document's uri and sha256 (the job id), and the options. */
const JobBase = z.object({
  v: z.literal(1),
  uri: z.string(),
  sha256: z.string().regex(SHA256_RE),
  options: JobPipelineOptions.optional(),
});

/** A file: the worker re-reads `path` and checks it still hashes to `sha256` (the job id). */
const FileJob = JobBase.extend({
  kind: z.literal('file'),
  path: z.string().min(1),
});

/** A document whose text travels in the job: a JSON line (also a malformed one, with its error). */
const InlineJob = JobBase.extend({
  kind: z.literal('inline'),
  size: z.number().int().nonnegative().optional(),
  text: z.string().optional(),
  encoding: z.string().optional(),
  published: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  warnings: z.array(warning).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** Standard input: the bytes themselves (base64), since there is no path to re-read. */
const BytesJob = JobBase.extend({
  kind: z.literal('bytes'),
  base64: z.string(),
});

export const JobData = z.discriminatedUnion('kind', [FileJob, InlineJob, BytesJob]);
export type JobData = z.infer<typeof JobData>;

/** What a completed job returns (kept small: it is stored in Redis with the job). */
export interface JobResult {
  /** The record id (the primary key of the `documents` row). */
  id: string;
  status: 'ok' | 'error';
  /** The error record's code, for documents that became error records. */
  error?: string;
}

/**
 * The job for one readable SourceDoc (one with a sha256); `absolutePath` is where a worker finds a
 * file (the uri as given may be relative to the enqueuer's folder).
 */
export function jobDataFor(src: SourceDoc, absolutePath: string | null, options: JobPipelineOptions): JobData {
  const sha = src.sha256;
  if (!isSha256(sha)) throw new Error(`${src.uri}: no sha256, cannot be enqueued`);
  const opts = options.referenceDate || options.lang ? { options } : {};
  if (src.bytes !== undefined && !src.error) {
    if (absolutePath) return { v: 1, kind: 'file', uri: src.uri, path: absolutePath, sha256: sha, ...opts };
    return { v: 1, kind: 'bytes', uri: src.uri, sha256: sha, base64: Buffer.from(src.bytes).toString('base64'), ...opts };
  }
  return {
    v: 1,
    kind: 'inline',
    uri: src.uri,
    sha256: sha,
    ...(src.size !== undefined ? { size: src.size } : {}),
    ...(src.text !== undefined ? { text: src.text } : {}),
    ...(src.encoding !== undefined ? { encoding: src.encoding } : {}),
    ...(src.published !== undefined ? { published: src.published } : {}),
    ...(src.url !== undefined ? { url: src.url } : {}),
    ...(src.title !== undefined ? { title: src.title } : {}),
    ...(src.warnings?.length ? { warnings: src.warnings } : {}),
    ...(src.error ? { error: src.error } : {}),
    ...opts,
  };
}

/** Retries with exponential backoff: `backoffMs`, then twice that, and so on. Jobs are kept when done. */
export function jobOptions(sha: string, attempts: number, backoffMs: number): JobsOptions {
  return {
    jobId: sha,
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    // Completed and failed jobs stay in Redis: they are what makes a second enqueue of the same
    // document a no-op (the job id is taken), and the failed set is where failures are inspected.
    removeOnComplete: false,
    removeOnFail: false,
  };
}

/** The job counts `pressx status` prints, in this order. */
export const COUNTED_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
