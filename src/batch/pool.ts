// A pool of worker threads running the pipeline, one document at a time each. A document that
// overruns the time limit gets its worker terminated and replaced, and becomes an error record;
// a worker that dies (out of memory, a native crash) is replaced the same way. Every document
// given to `run` resolves to exactly one record.
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { errorRecord, markFatal } from '../export/compile.js';
import type { PressRecord } from '../export/schema.js';
import type { SourceDoc } from '../ingest/sources.js';
import type { PipelineOptions } from '../stage.js';
import { messagesOf, type MessageData } from './messages.js';

export interface WorkerTask {
  seq: number;
  src: SourceDoc;
}

export type WorkerReply =
  | { seq: number; record: PressRecord; messages: MessageData[]; failure?: undefined }
  | { seq: number; failure: string; record?: undefined };

export interface PoolResult {
  record: PressRecord;
  /** The document's messages (empty when it has none; see hasWarnings). */
  messages: MessageData[];
}

export interface PoolOptions {
  workers: number;
  /** Milliseconds per document before its worker is terminated; 0 = no limit. */
  timeoutMs: number;
  pipeline: PipelineOptions;
  /** Worker thread heap cap (MB), so that one pathological document cannot take the machine. */
  maxHeapMB?: number;
  /** How far past its live size a heap may grow before a full collection, in percent (0 = V8's own choice, up to 300). */
  heapGrowthPercent?: number;
}

interface Task {
  seq: number;
  src: SourceDoc;
  resolve: (result: PoolResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Posted to this worker, in the order it processes them: the first is the one it is working on. */
  tasks: Task[];
  /** The time limit of the first task (started when the worker begins it). */
  timer: NodeJS.Timeout | null;
  /** Terminated or crashed: its events are ignored from then on. */
  dead: boolean;
}

/** The result for a document that was not processed (unreadable, too large, timed out), printed as unified tools print errors. */
export function failedResult(src: SourceDoc, code: string, message: string): PoolResult {
  const file = new VFile({ path: src.uri });
  const record = errorRecord(src, code, message, src.encoding ?? null);
  markFatal(record, file);
  return { record, messages: messagesOf(file) };
}

const WORKER_URL = new URL('./worker-thread.js', import.meta.url);

/**
 * Documents posted to a worker ahead of the one it is working on. With one, the worker finds its next document
 * waiting when it posts a result, instead of idling for the round trip through the main thread, which costs about
 * as much as processing a short release.
 */
export const PREFETCH = 1;

export class WorkerPool {
  private slots: Slot[] = [];
  /** Tasks not yet posted to a worker, in input order. */
  private backlog: Task[] = [];
  private closed = false;
  private readyWaiters: (() => void)[] = [];
  /** Workers replaced after a timeout or a crash. */
  replaced = 0;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError(`workers must be a positive integer, got ${options.workers}`);
    // V8 lets a heap grow to up to four times its live size before a full collection; for a run of millions of
    // documents that is mostly garbage held. The flag is per process (every worker and the main thread).
    if (options.heapGrowthPercent !== undefined) setFlagsFromString(`--heap-growing-percent=${options.heapGrowthPercent}`);
    for (let i = 0; i < options.workers; i++) this.addSlot();
  }

  private addSlot(): void {
    const worker = new Worker(WORKER_URL, {
      workerData: { options: this.options.pipeline },
      resourceLimits: this.options.maxHeapMB ? { maxOldGenerationSizeMb: this.options.maxHeapMB } : undefined,
    });
    const slot: Slot = { worker, ready: false, tasks: [], timer: null, dead: false };
    worker.on('message', (m: WorkerReply | { ready: true }) => {
      if (slot.dead) return;
      if ('ready' in m) {
        slot.ready = true;
        this.readyWaiters.splice(0).forEach((w) => w());
        for (const t of slot.tasks) this.post(slot, t);
        this.startTimer(slot);
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.seq !== m.seq) return;
      this.settle(slot, m.record
        ? { record: m.record, messages: m.messages }
        : failedResult(task.src, 'internal', `${task.src.uri}: processing failed (${m.failure.split('\n')[0]}); this is a pressx bug, please report it with the document`));
    });
    worker.on('error', (err: Error) => {
      if (slot.dead) return;
      if (!slot.ready) return this.fail(slot, (s) => failedResult(s, 'internal', `${s.uri}: a worker could not start (${err.message})`));
      const oom = /heap|memory/i.test(err.message);
      this.fail(slot, (s) => failedResult(s, oom ? 'out-of-memory' : 'internal', oom
        ? `${s.uri}: the document needed more memory than a worker may use; split it or raise --max-bytes only with care`
        : `${s.uri}: the worker processing it crashed (${err.message})`));
    });
    worker.on('exit', (code: number) => {
      if (slot.dead) return;
      this.fail(slot, (s) => failedResult(s, 'internal', `${s.uri}: the worker processing it exited (code ${code})`));
    });
    this.slots.push(slot);
  }

  private post(slot: Slot, task: Task): void {
    // The bytes are copied, not transferred: the caller may still hold the document.
    slot.worker.postMessage({ seq: task.seq, src: task.src } satisfies WorkerTask);
  }

  /** Starts the time limit of the task the worker is now working on (the first of its tasks). */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (this.options.timeoutMs <= 0 || !slot.ready || slot.tasks.length === 0) return;
    slot.timer = setTimeout(() => {
      const secs = this.options.timeoutMs / 1000;
      this.fail(slot, (s) => failedResult(s, 'timeout', `${s.uri}: processing took longer than ${secs} s (--timeout ${secs}); the document was abandoned and its worker replaced`));
    }, this.options.timeoutMs);
  }

  /** The worker's first task is done: hand on its result and keep the worker fed. */
  private settle(slot: Slot, result: PoolResult): void {
    const task = slot.tasks.shift()!;
    this.startTimer(slot);
    task.resolve(result);
    this.pump();
  }

  /**
   * The worker's first task failed it (time limit, crash, out of memory): that document gets `result`, the worker is
   * replaced (as soon as there is work for it), and the documents queued behind it go back to the front of the
   * backlog, to run on another worker.
   */
  private fail(slot: Slot, result: (src: SourceDoc) => PoolResult): void {
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    this.replaced++;
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.worker.terminate();
    const [first, ...rest] = slot.tasks;
    slot.tasks = [];
    this.backlog.unshift(...rest);
    this.readyWaiters.splice(0).forEach((w) => w());
    if (first) first.resolve(result(first.src));
    this.pump();
  }

  /** Posts backlog tasks to the least busy workers, up to 1 + PREFETCH each; replaces missing workers when there is work. */
  private pump(): void {
    while (this.backlog.length > 0 && this.slots.length < this.options.workers && !this.closed) this.addSlot();
    while (this.backlog.length > 0 && !this.closed) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.tasks.length <= PREFETCH && (!best || s.tasks.length < best.tasks.length)) best = s;
      if (!best) return;
      const task = this.backlog.shift()!;
      best.tasks.push(task);
      if (best.ready) {
        this.post(best, task);
        if (best.tasks.length === 1) this.startTimer(best);
      }
    }
  }

  /** Resolves when every worker has started and warmed up (or one failed to). */
  async whenReady(): Promise<void> {
    while (this.slots.some((s) => !s.ready && !s.dead) && !this.closed) await new Promise<void>((r) => this.readyWaiters.push(r));
  }

  /** Processes one document on the next free worker. Never rejects. */
  run(seq: number, src: SourceDoc): Promise<PoolResult> {
    return new Promise<PoolResult>((resolve) => {
      this.backlog.push({ seq, src, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) s.dead = true;
    await Promise.all(this.slots.map((s) => { if (s.timer) clearTimeout(s.timer); return s.worker.terminate(); }));
    this.slots = [];
    this.readyWaiters.splice(0).forEach((w) => w());
  }
}
