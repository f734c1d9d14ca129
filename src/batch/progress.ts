// Progress of a run, on standard error. On a terminal: a bar redrawn in place twice a second with
// documents/s, MB/s, errors and the ETA (from the input's total size, measured up front). Off a
// terminal: one plain line every 10 s. At the end: the summary line(s).
import { stat, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DOCUMENT_EXTENSIONS, JSONL_EXTENSIONS } from '../ingest/sources.js';
import type { BatchStats } from './run.js';

const mb = (bytes: number) => bytes / 1e6;

function duration(secs: number): string {
  if (!Number.isFinite(secs) || secs < 0) return '?';
  if (secs < 60) return `${Math.round(secs)}s`;
  if (secs < 3600) return `${Math.floor(secs / 60)}m${String(Math.round(secs % 60)).padStart(2, '0')}s`;
  return `${Math.floor(secs / 3600)}h${String(Math.floor((secs % 3600) / 60)).padStart(2, '0')}m`;
}

/** Total bytes of the documents the inputs name (files only; globs and stdin are not counted). */
export async function inputBytes(inputs: string[], limit = 200_000): Promise<number | null> {
  let total = 0;
  let files = 0;
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    if (files > limit) return;
    let info;
    try {
      info = await stat(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      let entries;
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) if (!e.name.startsWith('.') && e.name !== 'node_modules') await visit(join(path, e.name), false);
    } else if (explicit || DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase()) || JSONL_EXTENSIONS.has(extname(path).toLowerCase())) {
      total += info.size;
      files++;
    }
  };
  for (const input of inputs) {
    if (input === '-') return null;
    await visit(input, true);
  }
  return files > limit ? null : total;
}

export interface Progress {
  update(stats: BatchStats): void;
  /** Clears the bar (before other output, and at the end). */
  clear(): void;
  done(): void;
}

export function progress(stream: NodeJS.WriteStream, totalBytes: number | null, options: { tty?: boolean; everyMs?: number } = {}): Progress {
  const tty = options.tty ?? stream.isTTY === true;
  const every = options.everyMs ?? (tty ? 500 : 10_000);
  let next = Date.now() + every;
  let drawn = false;
  const line = (s: BatchStats, width: number) => {
    const secs = Math.max(0.001, (Date.now() - s.startedAt) / 1000);
    const rate = `${(s.documents / secs).toFixed(1)} docs/s, ${(mb(s.bytes) / secs).toFixed(2)} MB/s`;
    const errs = `${s.errors} error${s.errors === 1 ? '' : 's'}`;
    const skipped = s.skipped + s.skippedSince ? `, ${s.skipped + s.skippedSince} skipped` : '';
    if (totalBytes && totalBytes > 0) {
      const frac = Math.min(1, s.bytes / totalBytes);
      const eta = s.bytes > 0 ? duration(((totalBytes - s.bytes) * secs) / s.bytes) : '?';
      const bar = tty ? `[${'#'.repeat(Math.round(frac * 20)).padEnd(20, '.')}] ` : '';
      return `${bar}${(frac * 100).toFixed(0)}% ${s.documents} docs, ${rate}, ${errs}${skipped}, ETA ${eta}`.slice(0, width);
    }
    return `${s.documents} docs, ${rate}, ${errs}${skipped}, ${duration(secs)}`.slice(0, width);
  };
  return {
    update(s) {
      const now = Date.now();
      if (now < next) return;
      next = now + every;
      const width = tty ? Math.max(40, (stream.columns ?? 100) - 1) : 400;
      stream.write(tty ? `\r${line(s, width)}\x1b[K` : `pressx: ${line(s, width)}\n`);
      drawn = tty;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
    done() {
      this.clear();
    },
  };
}

/** The end-of-run summary: counts, errors by code, time and throughput. */
export function summary(s: BatchStats): string {
  const secs = (Date.now() - s.startedAt) / 1000;
  const codes = Object.entries(s.errorsByCode)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const parts = [
    `${s.documents} documents`,
    `${s.ok} ok`,
    `${s.errors} errors${codes ? ` (${codes})` : ''}`,
  ];
  if (s.skipped) parts.push(`${s.skipped} skipped (already done; --force to redo)`);
  if (s.skippedSince) parts.push(`${s.skippedSince} older than --since`);
  if (s.workersReplaced) parts.push(`${s.workersReplaced} workers replaced`);
  const rate = secs > 0 ? `, ${(s.documents / secs).toFixed(1)} docs/s, ${(mb(s.bytes) / secs).toFixed(2)} MB/s` : '';
  return `pressx: ${parts.join(', ')}; ${secs.toFixed(2)} s${rate}${s.interrupted ? ' (interrupted: run again to resume)' : ''}`;
}
