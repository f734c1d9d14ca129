// NDJSON sink: one record a line, to a file or to stdout. The file is its own ledger: the
// `source.sha256` of every complete line. A batch is one append followed by fdatasync, so a
// resolved writeBatch is on disk; a crash can only leave a torn last line, which the next resume
// (append: true) cuts away before appending.
import { existsSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { PressRecord } from '../export/schema.js';
import { serialized, SinkError, type Sink } from './types.js';

export interface NdjsonSinkOptions {
  /** true: resume, keep the complete lines already in the file and append; false (default): start a fresh file. */
  append?: boolean;
  /** fdatasync after each batch (default true). */
  fsync?: boolean;
  /**
   * stdout only: when the reader goes away (EPIPE, e.g. `pressx run … | head`), exit the process
   * quietly with status 0 (default true, as a Unix filter does); false: later writes are dropped.
   */
  exitOnEpipe?: boolean;
}

const CHUNK = 1 << 20;

/**
 * What the ledger holds for a record: its source's sha256; for an error record whose source has
 * no sha256 (a missing file, a document over --max-bytes), `id:` and the record id, so that a
 * resumed run does not write that error a second time.
 */
export function ledgerKey(r: PressRecord | null | undefined): string | null {
  if (!r || typeof r !== 'object' || !r.source) return null;
  if (typeof r.source.sha256 === 'string') return r.source.sha256;
  return r.status === 'error' && typeof r.id === 'string' ? `id:${r.id}` : null;
}

/** What resuming a file finds: the ledger of its complete lines and the length to keep. */
export interface NdjsonScan {
  ledger: Set<string>;
  /** Bytes of complete, parsable lines at the end of which to append. */
  keep: number;
  /** Bytes cut away: a last line without newline, or a last line that does not parse. */
  torn: number;
}

/** Reads a NDJSON file line by line (streaming, in 1 MiB chunks). */
export async function scanNdjson(handle: FileHandle): Promise<NdjsonScan> {
  const ledger = new Set<string>();
  const buf = Buffer.allocUnsafe(CHUNK);
  let pending: Buffer[] = [];
  let pos = 0; // bytes read
  let lineStart = 0; // offset of the line being read
  let lastStart = 0; // offset of the last complete line
  let lastOk = true;
  let end = 0; // offset after the last complete line
  for (;;) {
    const { bytesRead } = await handle.read(buf, 0, CHUNK, pos);
    if (bytesRead === 0) break;
    let from = 0;
    for (let nl = buf.indexOf(0x0a, 0); nl >= 0 && nl < bytesRead; nl = buf.indexOf(0x0a, from)) {
      pending.push(buf.subarray(from, nl));
      const line = Buffer.concat(pending).toString('utf8');
      pending = [];
      lastStart = lineStart;
      lineStart = end = pos + nl + 1;
      from = nl + 1;
      if (line.trim() === '') {
        lastOk = true;
        continue;
      }
      try {
        const rec = JSON.parse(line) as PressRecord;
        const key = ledgerKey(rec);
        if (key) ledger.add(key);
        lastOk = true;
      } catch {
        lastOk = false;
      }
    }
    if (from < bytesRead) pending.push(Buffer.from(buf.subarray(from, bytesRead)));
    pos += bytesRead;
  }
  const keep = lastOk ? end : lastStart;
  return { ledger, keep, torn: pos - keep };
}

export interface NdjsonSink extends Sink {
  /** Bytes cut from the end of the file on resume (a torn last line); 0 when none. */
  readonly truncatedBytes: number;
}

export async function openNdjsonSink(path: string | null, options: NdjsonSinkOptions = {}): Promise<NdjsonSink> {
  return path === null ? stdoutSink(options) : fileSink(path, options);
}

async function fileSink(path: string, options: NdjsonSinkOptions): Promise<NdjsonSink> {
  const { append = false, fsync = true } = options;
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new SinkError(`cannot write ${path}: the folder ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new SinkError(`cannot write ${path}: it is a folder, not a file`);
  const created = !existsSync(path);
  let handle: FileHandle;
  try {
    // 'a+': reads anywhere, every write goes to the end (after the truncation below).
    handle = await open(path, append ? 'a+' : 'w');
  } catch (err) {
    throw new SinkError(`cannot open ${path} for writing: ${(err as Error).message}`, false, { cause: err });
  }
  let ledger = new Set<string>();
  let size = 0;
  let truncatedBytes = 0;
  try {
    if (append) {
      const scan = await scanNdjson(handle);
      ledger = scan.ledger;
      size = scan.keep;
      truncatedBytes = scan.torn;
      if (scan.torn > 0) {
        await handle.truncate(scan.keep);
        await handle.datasync();
      }
    }
    if (created && fsync) await syncDir(dir);
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw new SinkError(`cannot resume ${path}: ${(err as Error).message}`, false, { cause: err });
  }
  let failed: SinkError | null = null;
  let closed = false;

  return {
    name: path,
    truncatedBytes,
    // Overlapping calls wait for each other: a batch is appended whole, or taken back whole.
    writeBatch: serialized(async (records: PressRecord[]) => {
      if (closed) throw new SinkError(`${path}: the sink is closed`);
      if (failed) throw failed;
      if (records.length === 0) return;
      const before = size;
      try {
        let chunk = '';
        for (const r of records) {
          chunk += JSON.stringify(r) + '\n';
          if (chunk.length >= CHUNK) {
            size += await writeAll(handle, chunk);
            chunk = '';
          }
        }
        if (chunk) size += await writeAll(handle, chunk);
        if (fsync) await handle.datasync();
      } catch (err) {
        // Take back a partial batch so that the file keeps ending on a complete line.
        const undone = await handle.truncate(before).then(() => true, () => false);
        size = before;
        const e = new SinkError(`cannot write to ${path}: ${(err as Error).message}`, false, { cause: err });
        if (!undone) failed = e;
        throw e;
      }
      for (const r of records) {
        const key = ledgerKey(r);
        if (key) ledger.add(key);
      }
    }),
    async ledger() {
      return new Set(ledger);
    },
    close: serialized(async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    }),
  };
}

async function writeAll(handle: FileHandle, text: string): Promise<number> {
  const data = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < data.length) off += (await handle.write(data, off, data.length - off)).bytesWritten;
  return data.length;
}

async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } catch {
    // Some file systems do not sync folders; the data itself is synced on every batch.
  } finally {
    await d.close();
  }
}

function stdoutSink(options: NdjsonSinkOptions): NdjsonSink {
  const { exitOnEpipe = true } = options;
  const out = process.stdout;
  let gone = false;
  let failure: Error | null = null;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      gone = true;
      if (exitOnEpipe) process.exit(0);
    } else {
      failure = err;
    }
  };
  out.on('error', onError);
  const write = (text: string) =>
    new Promise<void>((done) => {
      // The callback runs once the data is handed to the OS (or on error, reported by onError).
      out.write(text, () => done());
    });
  return {
    name: 'standard output',
    truncatedBytes: 0,
    writeBatch: serialized(async (records: PressRecord[]) => {
      if (failure) throw new SinkError(`cannot write to standard output: ${(failure as Error).message}`, false, { cause: failure });
      if (gone || records.length === 0) return;
      let chunk = '';
      for (const r of records) {
        chunk += JSON.stringify(r) + '\n';
        if (chunk.length >= CHUNK) {
          await write(chunk); // back-pressure: one chunk in flight at a time
          chunk = '';
          if (gone) return;
        }
      }
      if (chunk) await write(chunk);
      if (failure) throw new SinkError(`cannot write to standard output: ${(failure as Error).message}`, false, { cause: failure });
    }),
    async ledger() {
      return new Set<string>();
    },
    async close() {
      out.off('error', onError);
    },
  };
}
