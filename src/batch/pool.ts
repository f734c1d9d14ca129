// A pool of worker threads running the pipeline, one document at a time each. A document that
// overruns the time limit gets its worker terminated and replaced, and becomes an error record;
// a worker that dies (out of memory, a native crash) is replaced the same way. Every document
// given to `run` resolves to exactly one record.
import { Worker } from 'node:worker_threads';
import { reporter } from 'vfile-reporter';
import { VFile } from 'vfile';
import { errorRecord, markFatal } from '../export/compile.js';
import type { PressRecord } from '../export/schema.js';
import type { SourceDoc } from '../ingest/sources.js';
import type { PipelineOptions } from '../stage.js';

export interface WorkerTask {
  seq: number;
  src: SourceDoc;
}

export type WorkerReply =
  | { seq: number; record: PressRecord; report: string | null; warnings: boolean; failure?: undefined }
  | { seq: number; failure: string; record?: undefined };

export interface PoolResult {
  record: PressRecord;
  /** vfile-reporter output for the document, when it has messages. */
  report: string | null;
  /** true when the document has warnings (not only an error). */
  warnings: boolean;
}

export interface PoolOptions {
  workers: number;
  /** Milliseconds per document before its worker is terminated; 0 = no limit. */
  timeoutMs: number;
  pipeline: PipelineOptions;
  /** Worker thread heap cap (MB), so that one pathological document cannot take the machine. */
  maxHeapMB?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

/** The result for a document that was not processed (unreadable, too large, timed out), printed as unified tools print errors. */
export function failedResult(src: SourceDoc, code: string, message: string): PoolResult {
  const file = new VFile({ path: src.uri });
  const record = errorRecord(src, code, message, src.encoding ?? null);
  markFatal(record, file);
  return { record, report: reporter([file], { quiet: true }), warnings: false };
}

const WORKER_URL = new URL('./worker-thread.js', import.meta.url);

export class WorkerPool {
  private slots: Slot[] = [];
  private idle: Slot[] = [];
  private waiting: ((slot: Slot) => void)[] = [];
  private closed = false;
  /** Workers replaced after a timeout or a crash. */
  replaced = 0;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError(`workers must be a positive integer, got ${options.workers}`);
    for (let i = 0; i < options.workers; i++) this.addSlot();
  }

  private addSlot(): Slot {
    const worker = new Worker(WORKER_URL, {
      workerData: { options: this.options.pipeline },
      resourceLimits: this.options.maxHeapMB ? { maxOldGenerationSizeMb: this.options.maxHeapMB } : undefined,
    });
    const slot: Slot = {
      worker,
      busy: false,
      ready: new Promise<void>((resolve, reject) => {
        const onMessage = (m: { ready?: boolean }) => {
          if (m && m.ready) {
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve();
          }
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      }),
    };
    // Keep an unhandled start-up failure from crashing the process; run() reports it per document.
    slot.ready.catch(() => undefined);
    this.slots.push(slot);
    this.release(slot);
    return slot;
  }

  private release(slot: Slot): void {
    slot.busy = false;
    const next = this.waiting.shift();
    if (next) {
      slot.busy = true;
      next(slot);
    } else this.idle.push(slot);
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.shift();
    if (slot) {
      slot.busy = true;
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private replace(slot: Slot): void {
    this.replaced++;
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.worker.terminate();
    if (!this.closed) this.addSlot();
  }

  /** Resolves when every worker has started and warmed up (failures count as started). */
  async whenReady(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready.catch(() => undefined)));
  }

  /** Processes one document on the next free worker. Never rejects. */
  async run(seq: number, src: SourceDoc): Promise<PoolResult> {
    const slot = await this.acquire();
    try {
      await slot.ready;
    } catch (err) {
      this.replace(slot);
      return this.failed(src, 'internal', `${src.uri}: a worker could not start (${(err as Error).message})`);
    }
    return new Promise<PoolResult>((resolve) => {
      const w = slot.worker;
      let timer: NodeJS.Timeout | null = null;
      const finish = (result: PoolResult, healthy: boolean) => {
        if (timer) clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (healthy) this.release(slot);
        else this.replace(slot);
        resolve(result);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.seq !== seq) return;
        if (reply.record) finish({ record: reply.record, report: reply.report, warnings: reply.warnings }, true);
        else finish(this.failed(src, 'internal', `${src.uri}: processing failed (${reply.failure.split('\n')[0]}); this is a pressx bug, please report it with the document`), true);
      };
      const onError = (err: Error) => {
        const oom = /heap|memory/i.test(err.message);
        finish(
          this.failed(src, oom ? 'out-of-memory' : 'internal', oom
            ? `${src.uri}: the document needed more memory than a worker may use; split it or raise --max-bytes only with care`
            : `${src.uri}: the worker processing it crashed (${err.message})`),
          false,
        );
      };
      const onExit = (code: number) => finish(this.failed(src, 'internal', `${src.uri}: the worker processing it exited (code ${code})`), false);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      if (this.options.timeoutMs > 0) {
        timer = setTimeout(() => {
          const secs = this.options.timeoutMs / 1000;
          finish(this.failed(src, 'timeout', `${src.uri}: processing took longer than ${secs} s (--timeout ${secs}); the document was abandoned and its worker replaced`), false);
        }, this.options.timeoutMs);
      }
      // The bytes are copied, not transferred: the caller may still hold the document.
      w.postMessage({ seq, src } satisfies WorkerTask);
    });
  }

  private failed(src: SourceDoc, code: string, message: string): PoolResult {
    return failedResult(src, code, message);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
    this.idle = [];
  }
}
