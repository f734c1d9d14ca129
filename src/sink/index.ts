// Opens the sink a target names: postgres:// or postgresql:// → PostgreSQL; a path ending in
// .sqlite, .sqlite3 or .db → SQLite; any other path → NDJSON file; null → NDJSON on stdout.
import { openNdjsonSink, type NdjsonSinkOptions } from './ndjson.js';
import { openPostgresSink, type PostgresSinkOptions } from './postgres.js';
import { openSqliteSink, type SqliteSinkOptions } from './sqlite.js';
import type { Sink } from './types.js';

export * from './types.js';
export * from './sql.js';
export * from './ndjson.js';
export * from './sqlite.js';
export * from './postgres.js';

export type SinkKind = 'postgres' | 'sqlite' | 'ndjson';

export interface OpenSinkOptions {
  /**
   * NDJSON: true resumes (keeps complete lines, cuts a torn last line, appends); false starts a
   * fresh file. Databases always resume: records are upserted by id and nothing is deleted.
   */
  append?: boolean;
  ndjson?: Omit<NdjsonSinkOptions, 'append'>;
  sqlite?: SqliteSinkOptions;
  postgres?: PostgresSinkOptions;
}

const SQLITE_EXT = /\.(sqlite3?|db)$/i;
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export function sinkKind(target: string | null): SinkKind {
  if (target === null) return 'ndjson';
  if (POSTGRES_URL.test(target)) return 'postgres';
  if (SQLITE_EXT.test(target)) return 'sqlite';
  return 'ndjson';
}

export async function openSink(target: string | null, options: OpenSinkOptions = {}): Promise<Sink> {
  switch (sinkKind(target)) {
    case 'postgres':
      return openPostgresSink(target!, options.postgres);
    case 'sqlite':
      return openSqliteSink(target!, options.sqlite);
    default:
      return openNdjsonSink(target, { ...options.ndjson, append: options.append ?? false });
  }
}
