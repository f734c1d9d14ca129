// The batch runner behind `pressx run`: reads sources as a stream, skips what the ledger says is
// done, schedules documents with p-queue onto a pool of worker threads, and hands the records to
// the sinks in input order (or as they finish, `unordered`), in batches that each sink commits
// together with their ledger entries. Memory stays flat: reading waits while too many documents
// are in flight or waiting to be written (back-pressure), whatever the size of the run.
import PQueue from 'p-queue';
import type { PressRecord } from '../export/schema.js';
import { readSources } from '../ingest/sources.js';
import type { Sink } from '../sink/types.js';
import type { PipelineOptions } from '../stage.js';
import { failedResult, PREFETCH, WorkerPool, type PoolResult } from './pool.js';

export interface BatchOptions {
  inputs: string[];
  sinks: Sink[];
  pipeline: PipelineOptions;
  /** Worker threads (default: one per core). */
  workers: number;
  /** Hand records to the sinks as they finish instead of in input order. */
  unordered?: boolean;
  /** Documents over this many bytes become `too-large` error records without being read. */
  maxBytes: number;
  /** Milliseconds per document before its worker is terminated (`timeout` error record); 0 = none. */
  timeoutMs: number;
  /** Process sources even when the ledger has them. */
  force?: boolean;
  /** Only files modified at or after this time. */
  since?: Date;
  /** How far past its live size a heap may grow before a full collection, in percent (see WorkerPool; default V8's). */
  heapGrowthPercent?: number;
  /** Records per commit (default 64); a partial batch is committed at least every `flushMs`. */
  batchSize?: number;
  flushMs?: number;
  stdin?: NodeJS.ReadableStream;
  /** Called for each record once it is handed to the sinks, in output order. */
  onResult?: (result: PoolResult, stats: BatchStats) => void;
  /** Called whenever the counts change (the CLI throttles its display). */
  onProgress?: (stats: BatchStats) => void;
  /** Set to stop reading new documents (e.g. on SIGINT); what is in flight still completes. */
  signal?: AbortSignal;
}

export interface BatchStats {
  /** Documents read (including skipped ones). */
  seen: number;
  /** Records handed to the sinks. */
  documents: number;
  ok: number;
  errors: number;
  errorsByCode: Record<string, number>;
  /** Sources the ledger says are done. */
  skipped: number;
  /** Files left out by `since`. */
  skippedSince: number;
  /** Records committed by every sink. */
  committed: number;
  /** Bytes of the documents handed to the sinks. */
  bytes: number;
  /** Workers replaced after a timeout or a crash. */
  workersReplaced: number;
  startedAt: number;
  /** When every worker had started and warmed up (null until then). */
  readyAt: number | null;
  /** When the last record was handed to the sinks. */
  finishedAt: number | null;
  interrupted: boolean;
}

/** Runs a batch to the end and returns its counts. Throws only when a sink cannot commit. */
export async function runBatch(options: BatchOptions): Promise<BatchStats> {
  const stats: BatchStats = {
    seen: 0, documents: 0, ok: 0, errors: 0, errorsByCode: {}, skipped: 0, skippedSince: 0, committed: 0, bytes: 0,
    workersReplaced: 0, startedAt: Date.now(), readyAt: null, finishedAt: null, interrupted: false,
  };
  const batchSize = options.batchSize ?? 64;
  const flushMs = options.flushMs ?? 1000;
  const done = options.force ? new Set<string>() : await intersectLedgers(options.sinks);

  const pool = new WorkerPool({ workers: options.workers, timeoutMs: options.timeoutMs, pipeline: options.pipeline, maxHeapMB: 2048, heapGrowthPercent: options.heapGrowthPercent });
  void pool.whenReady().then(() => (stats.readyAt = Date.now()));
  // Each worker holds the document it works on and PREFETCH more, so that it never waits for the next.
  const queue = new PQueue({ concurrency: options.workers * (1 + PREFETCH) });
  // In flight or waiting to be written: bounded, so reading pauses when work or writing lags.
  const limit = Math.max(8, options.workers * (1 + PREFETCH) * 2);
  let outstanding = 0;
  let wake: (() => void) | null = null;
  const room = () => new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  // Writing: batches are committed one after the other; at most two wait, then reading pauses.
  let batch: PressRecord[] = [];
  let writing: Promise<void> = Promise.resolve();
  let pendingBatches = 0;
  let failure: unknown = null;
  const flush = () => {
    if (batch.length === 0) return;
    const records = batch;
    batch = [];
    pendingBatches++;
    writing = writing.then(async () => {
      if (failure) return;
      try {
        await Promise.all(options.sinks.map((s) => s.writeBatch(records)));
        stats.committed += records.length;
      } catch (err) {
        failure = err;
      } finally {
        pendingBatches--;
        notify();
      }
    });
  };
  const timer = setInterval(flush, flushMs);

  // Ordering: results wait here until every earlier document has been handed on.
  const held = new Map<number, PoolResult>();
  /** Bytes of each document in flight, counted when its record is handed on. */
  const sizes = new Map<number, number>();
  let nextOut = 0;
  const emit = (seq: number, result: PoolResult) => {
    const r = result.record;
    stats.documents++;
    stats.bytes += sizes.get(seq) ?? 0;
    sizes.delete(seq);
    if (r.status === 'ok') stats.ok++;
    else {
      stats.errors++;
      const code = r.error?.code ?? 'error';
      stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
    }
    stats.workersReplaced = pool.replaced;
    batch.push(r);
    stats.finishedAt = Date.now();
    outstanding--;
    options.onResult?.(result, stats);
    options.onProgress?.(stats);
    if (batch.length >= batchSize) flush();
    notify();
  };
  const complete = (seq: number, result: PoolResult) => {
    if (options.unordered) {
      emit(seq, result);
      return;
    }
    held.set(seq, result);
    while (held.has(nextOut)) {
      const r = held.get(nextOut)!;
      held.delete(nextOut);
      emit(nextOut, r);
      nextOut++;
    }
  };

  let seq = 0;
  try {
    for await (const src of readSources(options.inputs, {
      stdin: options.stdin,
      maxBytes: options.maxBytes,
      since: options.since,
      onSkip: () => {
        stats.skippedSince++;
        options.onProgress?.(stats);
      },
    })) {
      if (failure) break;
      if (options.signal?.aborted) {
        stats.interrupted = true;
        break;
      }
      stats.seen++;
      if (src.sha256 && done.has(src.sha256)) {
        stats.skipped++;
        options.onProgress?.(stats);
        continue;
      }
      // An error without a sha256 (missing file, over --max-bytes) is known by its record id.
      const early = src.error ? failedResult(src, src.error.code, src.error.message) : null;
      if (early && !src.sha256 && done.has(`id:${early.record.id}`)) {
        stats.skipped++;
        options.onProgress?.(stats);
        continue;
      }
      const s = seq++;
      sizes.set(s, src.size ?? src.bytes?.length ?? 0);
      outstanding++;
      if (early) complete(s, early);
      else void queue.add(async () => complete(s, await pool.run(s, src)));
      while (!failure && (outstanding >= limit || pendingBatches >= 2)) await room();
    }
    await queue.onIdle();
    flush();
    await writing;
  } finally {
    clearInterval(timer);
    queue.clear();
    await pool.close();
  }
  stats.workersReplaced = pool.replaced;
  if (failure) throw failure;
  return stats;
}


/** A source counts as done only when every sink has committed it. */
async function intersectLedgers(sinks: Sink[]): Promise<Set<string>> {
  if (sinks.length === 0) return new Set();
  const sets = await Promise.all(sinks.map((s) => s.ledger()));
  const [first, ...rest] = sets;
  if (rest.length === 0) return first;
  return new Set([...first].filter((h) => rest.every((r) => r.has(h))));
}
