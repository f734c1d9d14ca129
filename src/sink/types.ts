// What every sink (NDJSON, SQLite, PostgreSQL) offers the batch runner. A sink stores records and
// keeps the ledger of sources already processed; the ledger advances in the same commit as the
// records, so a crash can never mark as done a document whose record was not stored.
import type { PressRecord } from '../export/schema.js';

export interface Sink {
  /** A short name for messages: the file or the database (without password). */
  readonly name: string;
  /**
   * Stores a batch of records as one commit (one transaction for a database), upserting by
   * record id, and adds each record's `source.sha256` (when not null) to the ledger in that same
   * commit. Resolves only once the commit is durable. Throws a SinkError when it cannot.
   */
  writeBatch(records: PressRecord[]): Promise<void>;
  /** The sha256 values of every source already committed (the ledger), for skipping on re-runs. */
  ledger(): Promise<Set<string>>;
  close(): Promise<void>;
}

/** A sink that cannot store: the database is down, the disk is full, a row is rejected. */
export class SinkError extends Error {
  constructor(
    message: string,
    /** true when a retry may succeed (connection refused or lost), false for a permanent failure. */
    readonly transient: boolean = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SinkError';
  }
}

/** Runs the calls one after another, in call order, whatever the caller awaits (a sink's writes never interleave). */
export function serialized<A extends unknown[], T>(f: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = tail.then(() => f(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
