// The database side of a worker: one Sink per process, opened lazily, and a write that rides out
// database blips. The PostgreSQL sink already retries a lost connection for a few seconds; on top
// of that, a job keeps trying (the sink reconnects by itself) for up to PRESSX_DB_RETRY_MS (default 60 s)
// before it gives up and lets BullMQ retry the job later with backoff. While it waits, the
// worker's event loop keeps renewing the job's lock, so the job is not taken for stalled.
import type { PressRecord } from '../export/schema.js';
import { openSink, SinkError, type Sink } from '../sink/index.js';

export interface Db {
  readonly url: string;
  /** The sink, opened on first use (an open that failed is tried again next time). */
  sink(): Promise<Sink>;
  close(): Promise<void>;
}

export function openDb(url: string): Db {
  let current: Promise<Sink> | null = null;
  return {
    url,
    sink() {
      current ??= openSink(url).catch((err: unknown) => {
        current = null;
        throw err;
      });
      return current;
    },
    async close() {
      const old = current;
      current = null;
      if (old) await (await old.catch(() => null))?.close();
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function dbRetryMs(): number {
  const v = Number(process.env.PRESSX_DB_RETRY_MS);
  return Number.isFinite(v) && v >= 0 ? v : 60_000;
}

/** True for failures a later try may not see: a lost or refused connection. */
export function isTransientDbError(err: unknown): boolean {
  return err instanceof SinkError ? err.transient : false;
}

/**
 * Commits the records (one transaction), retrying transient failures for up to `budgetMs`.
 * Resolves only once they are committed; throws the last error otherwise.
 */
export async function writeDurably(db: Db, records: PressRecord | PressRecord[], budgetMs = dbRetryMs()): Promise<void> {
  const batch = Array.isArray(records) ? records : [records];
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const sink = await db.sink();
      await sink.writeBatch(batch);
      return;
    } catch (err) {
      if (!isTransientDbError(err) || Date.now() >= deadline) throw err;
      await sleep(Math.min(5000, 250 * 2 ** Math.min(attempt, 5), Math.max(0, deadline - Date.now())));
    }
  }
}
