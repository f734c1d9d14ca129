// The SQL schema of pressx, defined once for SQLite and PostgreSQL: tables, indexes, versioned
// migrations, the DDL of each dialect, and the mapping of a record to its rows.
//
//   documents ─┬─ sources          every (uri) that produced the document, kept across re-runs
//              ├─ entities ─┬─ entity_aliases
//              │            └─ entity_mentions
//              ├─ dates, figures, removed, repairs, truncated, warnings
//   ledger            sha256 of every committed source (skipped on re-runs)
//   schema_migrations the migrations applied
//
// A record is upserted by its id: the documents row is updated in place and its child rows are
// deleted and inserted again, so writing the same batch twice leaves the same rows.
import { errorRecord } from '../export/compile.js';
import type { PressRecord } from '../export/schema.js';

export type Dialect = 'sqlite' | 'postgres';
/**
 * Logical column types; `typeName` gives each dialect's spelling. `key` is text compared byte by
 * byte (sha256 hex ids): COLLATE "C" in PostgreSQL, so that its indexes never pay for a
 * linguistic collation such as en_US.UTF-8.
 */
export type ColumnType = 'key' | 'text' | 'integer' | 'real' | 'json' | 'timestamp';

export interface Column {
  name: string;
  type: ColumnType;
  /** Columns are NOT NULL unless marked nullable. */
  nullable?: boolean;
}

export interface ForeignKey {
  columns: string[];
  table: string;
  references: string[];
}

/**
 * How a writer treats a table: `document` is upserted by id; `child` rows are deleted and inserted
 * again when their document is rewritten; `merge` rows are upserted on their primary key and kept
 * (sources and ledger accumulate across runs); `meta` tables are written by the migrator only.
 */
export type TableRole = 'document' | 'child' | 'merge' | 'meta';

export interface Table {
  name: string;
  role: TableRole;
  columns: Column[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
}

export interface Index {
  name: string;
  table: string;
  columns: string[];
}

export type Step = { createTable: Table } | { createIndex: Index };

export interface Migration {
  version: number;
  name: string;
  steps: Step[];
}

const text = (name: string, nullable = false): Column => ({ name, type: 'text', nullable });
const key = (name: string, nullable = false): Column => ({ name, type: 'key', nullable });
const int = (name: string, nullable = false): Column => ({ name, type: 'integer', nullable });
const real = (name: string, nullable = false): Column => ({ name, type: 'real', nullable });
// Every row of a document references it (ON DELETE CASCADE: deleting a document deletes all its
// rows). entity_aliases and entity_mentions reference the document, not their entity: checking
// (document_id, entity_ord) against entities too cost another ~15% of PostgreSQL's bulk-load time
// for no protection the writer needs (it writes an entity and its forms in one statement set).
const ofDocument: ForeignKey = { columns: ['document_id'], table: 'documents', references: ['id'] };

/** Child rows are keyed by (document_id, ord): the primary key also serves lookups by document. */
function child(name: string, columns: Column[], extra: Partial<Table> = {}): Table {
  return { name, role: 'child', columns: [key('document_id'), int('ord'), ...columns], primaryKey: ['document_id', 'ord'], foreignKeys: [ofDocument], ...extra };
}

export const DOCUMENTS: Table = {
  name: 'documents',
  role: 'document',
  columns: [
    key('id'),
    text('status'),
    text('uri'),
    key('source_sha256', true),
    int('bytes', true),
    text('encoding', true),
    text('language'),
    real('language_confidence'),
    text('kind'),
    text('title', true),
    text('published', true),
    text('dateline_text', true),
    text('dateline_place', true),
    text('dateline_date', true),
    text('dateline_source', true),
    text('text'),
    text('error_code', true),
    text('error_message', true),
    { name: 'record', type: 'json' },
    { name: 'processed_at', type: 'timestamp' },
  ],
  primaryKey: ['id'],
};

export const SOURCES: Table = {
  name: 'sources',
  role: 'merge',
  columns: [key('document_id'), text('uri'), key('sha256', true), int('bytes', true), text('encoding', true), { name: 'seen_at', type: 'timestamp' }],
  primaryKey: ['document_id', 'uri'],
  foreignKeys: [ofDocument],
};

export const ENTITIES = child('entities', [text('type'), text('name'), text('role', true)]);
export const ENTITY_ALIASES: Table = {
  name: 'entity_aliases',
  role: 'child',
  columns: [key('document_id'), int('entity_ord'), int('ord'), text('alias')],
  primaryKey: ['document_id', 'entity_ord', 'ord'],
  foreignKeys: [ofDocument],
};
export const ENTITY_MENTIONS: Table = {
  name: 'entity_mentions',
  role: 'child',
  columns: [key('document_id'), int('entity_ord'), int('ord'), int('span_start'), int('span_end'), text('text')],
  primaryKey: ['document_id', 'entity_ord', 'ord'],
  foreignKeys: [ofDocument],
};
export const DATES = child('dates', [text('text'), text('type'), text('value'), int('span_start'), int('span_end'), int('inferred')]);
export const FIGURES = child('figures', [
  text('text'),
  text('kind'),
  real('value'),
  text('unit', true),
  text('qualifier', true),
  real('range_min', true),
  real('range_max', true),
  int('span_start'),
  int('span_end'),
]);
export const REMOVED = child('removed', [text('text'), text('reason')]);
export const REPAIRS = child('repairs', [text('kind'), int('span_start'), int('span_end'), text('before')]);
export const TRUNCATED = child('truncated', [int('span_start'), int('span_end')]);
export const WARNINGS = child('warnings', [text('code'), text('message'), int('line_no', true), int('column_no', true)]);

export const LEDGER: Table = {
  name: 'ledger',
  role: 'merge',
  columns: [key('sha256'), key('record_id'), text('uri'), { name: 'committed_at', type: 'timestamp' }],
  primaryKey: ['sha256'],
};

export const SCHEMA_MIGRATIONS: Table = {
  name: 'schema_migrations',
  role: 'meta',
  columns: [int('version'), text('name'), { name: 'applied_at', type: 'timestamp' }],
  primaryKey: ['version'],
};

/** Every table a record writes to, parents before children (insert order; delete in reverse). */
export const RECORD_TABLES: readonly Table[] = [DOCUMENTS, ENTITIES, ENTITY_ALIASES, ENTITY_MENTIONS, DATES, FIGURES, REMOVED, REPAIRS, TRUNCATED, WARNINGS, SOURCES, LEDGER];
export const CHILD_TABLES: readonly Table[] = RECORD_TABLES.filter((t) => t.role === 'child');

export const INDEXES: readonly Index[] = [
  { name: 'documents_source_sha256', table: 'documents', columns: ['source_sha256'] },
  { name: 'documents_status', table: 'documents', columns: ['status', 'error_code'] },
  { name: 'documents_processed_at', table: 'documents', columns: ['processed_at'] },
  { name: 'sources_sha256', table: 'sources', columns: ['sha256'] },
  { name: 'entities_type_name', table: 'entities', columns: ['type', 'name'] },
  { name: 'entity_aliases_alias', table: 'entity_aliases', columns: ['alias'] },
  { name: 'figures_kind_unit_value', table: 'figures', columns: ['kind', 'unit', 'value'] },
  { name: 'dates_value', table: 'dates', columns: ['value'] },
  { name: 'warnings_code', table: 'warnings', columns: ['code'] },
  { name: 'ledger_record_id', table: 'ledger', columns: ['record_id'] },
];

/**
 * Ordered by version. Version 1 creates the tables as the constants above define them: once
 * released, those definitions are frozen; a later change is a new migration whose steps alter the
 * tables (extend Step, e.g. with addColumn), never an edit of an applied one.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'record tables', steps: RECORD_TABLES.map((t) => ({ createTable: t })) },
  { version: 2, name: 'lookup indexes', steps: INDEXES.map((i) => ({ createIndex: i })) },
];

/** The migrations not yet applied, in version order; refuses a list that is not strictly ordered. */
export function pendingMigrations(migrations: readonly Migration[], applied: Iterable<number>): Migration[] {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1 || (i > 0 && m.version <= migrations[i - 1].version)) {
      throw new Error(`migrations must have strictly increasing positive versions; ${m.version} (${m.name}) is out of order`);
    }
  });
  const done = new Set([...applied].map(Number));
  return migrations.filter((m) => !done.has(m.version));
}

// ---------------------------------------------------------------------------------------------
// DDL

const TYPE_NAMES: Record<Dialect, Record<ColumnType, string>> = {
  sqlite: { key: 'TEXT', text: 'TEXT', integer: 'INTEGER', real: 'REAL', json: 'TEXT', timestamp: 'TEXT' },
  postgres: { key: 'text', text: 'text', integer: 'bigint', real: 'double precision', json: 'jsonb', timestamp: 'timestamptz' },
};

/** The type name of a dialect (also usable in casts: `$1::text`). */
export function typeName(type: ColumnType, dialect: Dialect): string {
  return TYPE_NAMES[dialect][type];
}

/** The type of a column in CREATE TABLE. */
export function columnType(type: ColumnType, dialect: Dialect): string {
  return type === 'key' && dialect === 'postgres' ? 'text COLLATE "C"' : typeName(type, dialect);
}

export function createTableSql(table: Table, dialect: Dialect): string {
  const lines = table.columns.map((c) => `  ${c.name} ${columnType(c.type, dialect)}${c.nullable ? '' : ' NOT NULL'}`);
  lines.push(`  PRIMARY KEY (${table.primaryKey.join(', ')})`);
  for (const fk of table.foreignKeys ?? []) {
    lines.push(`  FOREIGN KEY (${fk.columns.join(', ')}) REFERENCES ${fk.table} (${fk.references.join(', ')}) ON DELETE CASCADE`);
  }
  return `CREATE TABLE IF NOT EXISTS ${table.name} (\n${lines.join(',\n')}\n)`;
}

export function createIndexSql(index: Index): string {
  return `CREATE INDEX IF NOT EXISTS ${index.name} ON ${index.table} (${index.columns.join(', ')})`;
}

export function stepSql(step: Step, dialect: Dialect): string {
  return 'createTable' in step ? createTableSql(step.createTable, dialect) : createIndexSql(step.createIndex);
}

/** The whole schema of a dialect as one script (for `psql -f` or the sqlite3 CLI, and for the docs). */
export function schemaSql(dialect: Dialect, migrations: readonly Migration[] = MIGRATIONS): string {
  const out = [createTableSql(SCHEMA_MIGRATIONS, dialect)];
  for (const m of migrations) for (const s of m.steps) out.push(stepSql(s, dialect));
  return out.map((s) => s + ';\n').join('\n');
}

/**
 * `INSERT … ON CONFLICT (primary key) DO UPDATE` for document and merge tables, plain INSERT for
 * child tables. `source` is the row source: `VALUES (?, …)` for SQLite, `SELECT … FROM unnest(…)`
 * for PostgreSQL. The syntax after it is the same in both dialects.
 */
export function insertSql(table: Table, source: string): string {
  const cols = table.columns.map((c) => c.name);
  let sql = `INSERT INTO ${table.name} (${cols.join(', ')}) ${source}`;
  if (table.role === 'document' || table.role === 'merge') {
    const updates = cols.filter((c) => !table.primaryKey.includes(c)).map((c) => `${c} = excluded.${c}`);
    sql += ` ON CONFLICT (${table.primaryKey.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
  }
  return sql;
}

// ---------------------------------------------------------------------------------------------
// Records to rows

export type SqlValue = string | number | null;
/** One row: values in the order of the table's columns. */
export type Row = SqlValue[];
export type TableRows = Map<Table, Row[]>;

/**
 * The rows of one record, per table (in the order of RECORD_TABLES). `at` is an ISO timestamp;
 * `json` is JSON.stringify(r) when the caller already has it.
 */
export function recordRows(r: PressRecord, at: string, json: string = JSON.stringify(r)): TableRows {
  const id = r.id;
  const rows: TableRows = new Map(RECORD_TABLES.map((t) => [t, [] as Row[]]));
  const push = (t: Table, row: Row) => rows.get(t)!.push(row);
  const d = r.dateline;
  push(DOCUMENTS, [
    id,
    r.status,
    r.source.uri,
    r.source.sha256,
    r.source.bytes,
    r.source.encoding,
    r.language.code,
    r.language.confidence,
    r.kind,
    r.title,
    r.published,
    d?.text ?? null,
    d?.place ?? null,
    d?.date ?? null,
    d?.source ?? null,
    r.text,
    r.error?.code ?? null,
    r.error?.message ?? null,
    json,
    at,
  ]);
  push(SOURCES, [id, r.source.uri, r.source.sha256, r.source.bytes, r.source.encoding, at]);
  r.entities.forEach((e, i) => {
    push(ENTITIES, [id, i, e.type, e.name, e.role]);
    e.aliases.forEach((a, k) => push(ENTITY_ALIASES, [id, i, k, a]));
    e.mentions.forEach((m, k) => push(ENTITY_MENTIONS, [id, i, k, m.start, m.end, r.text.slice(m.start, m.end)]));
  });
  r.dates.forEach((x, i) => push(DATES, [id, i, x.text, x.type, x.value, x.start, x.end, x.inferred ? 1 : 0]));
  r.figures.forEach((f, i) =>
    push(FIGURES, [id, i, f.text, f.kind, f.value, f.unit, f.qualifier, f.range?.min ?? null, f.range?.max ?? null, f.start, f.end]),
  );
  r.removed.forEach((x, i) => push(REMOVED, [id, i, x.text, x.reason]));
  r.repairs.forEach((x, i) => push(REPAIRS, [id, i, x.kind, x.start, x.end, x.before]));
  r.truncated.forEach((x, i) => push(TRUNCATED, [id, i, x.start, x.end]));
  r.warnings.forEach((w, i) => push(WARNINGS, [id, i, w.code, w.message, w.line ?? null, w.column ?? null]));
  if (r.source.sha256 !== null) push(LEDGER, [r.source.sha256, id, r.source.uri, at]);
  return rows;
}

export interface BatchRows {
  /** Distinct record ids of the batch, sorted. */
  ids: string[];
  /** Distinct ledger keys (source sha256) of the batch, sorted. */
  shas: string[];
  rows: TableRows;
}

// JSON.stringify writes U+0000 as \u0000 and an unpaired surrogate as \udXXX: one linear scan of
// the JSON (needed anyway for the record column) clears nearly every record; a hit (which may be
// a literal backslash followed by "u0000" in the text) is checked exactly by storableRecord.
const MAYBE_UNSTORABLE = /\\u(?:0000|d[89a-f])/i;

/**
 * The rows of a batch. A batch may hold the same id twice (the same text from two files): the last
 * record wins for the document and its children, every source is kept, and each primary key
 * appears once (PostgreSQL refuses to upsert one row twice in a statement). Records that SQL
 * text cannot hold are replaced by `unstorable` error records first (see storableRecord).
 */
export function batchRows(records: readonly PressRecord[], at: string): BatchRows {
  const byId = new Map<string, TableRows>();
  const sources = new Map<string, Row>();
  const ledger = new Map<string, Row>();
  for (const original of records) {
    let r = original;
    let json = JSON.stringify(r);
    if (MAYBE_UNSTORABLE.test(json)) {
      r = storableRecord(original);
      if (r !== original) json = JSON.stringify(r);
    }
    const own = recordRows(r, at, json);
    byId.delete(r.id); // keep insertion order = last occurrence
    byId.set(r.id, own);
    for (const row of own.get(SOURCES)!) sources.set(`${row[0]}\0${row[1]}`, row);
    for (const row of own.get(LEDGER)!) ledger.set(row[0] as string, row);
  }
  const rows: TableRows = new Map(RECORD_TABLES.map((t) => [t, [] as Row[]]));
  for (const own of byId.values()) {
    for (const [t, list] of own) if (t !== SOURCES && t !== LEDGER) for (const row of list) rows.get(t)!.push(row);
  }
  rows.set(SOURCES, [...sources.values()]);
  rows.set(LEDGER, [...ledger.values()]);
  return { ids: [...byId.keys()].sort(), shas: [...ledger.keys()].sort(), rows };
}

// ---------------------------------------------------------------------------------------------
// Text SQL cannot hold

// U+0000 (PostgreSQL text and jsonb refuse it) or a UTF-16 surrogate without its pair (UTF-8, the
// storage encoding of both databases, cannot encode it: SQLite would silently store U+FFFD).
// Each alternative looks at most one code unit ahead or behind: linear time.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export interface Unstorable {
  /** Where the first bad character is, e.g. `text` or `entities[2].name`. */
  field: string;
  offset: number;
  what: 'a NUL character (U+0000)' | 'an unpaired UTF-16 surrogate';
  /** How many bad characters the whole record holds. */
  count: number;
}

/** Finds the characters a SQL database cannot store in any string of the record, or null. */
export function findUnstorable(record: PressRecord): Unstorable | null {
  let first: Omit<Unstorable, 'count'> | null = null;
  let count = 0;
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (!UNSTORABLE.test(value)) return;
      for (const m of value.matchAll(UNSTORABLE_ALL)) {
        count++;
        first ??= { field: path, offset: m.index, what: m[0] === '\u0000' ? 'a NUL character (U+0000)' : 'an unpaired UTF-16 surrogate' };
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(record, '');
  return first ? { ...(first as Omit<Unstorable, 'count'>), count } : null;
}

/** Replaces each character SQL cannot store by U+FFFD (same length, so offsets stay valid). */
export function replaceUnstorable(s: string): string {
  return s.replace(UNSTORABLE_ALL, '\uFFFD');
}

/**
 * The record itself when a SQL database can store it; otherwise an error record (code
 * `unstorable`) for the same source, saying which field holds which character. The choice is
 * deliberate: storing a silently altered text would break `text.slice(start, end)` for consumers
 * that trust the stored record, and an error record keeps the count of documents in = records out.
 * NDJSON output holds such records losslessly (JSON escapes them), so no sink crashes on them.
 */
export function storableRecord(record: PressRecord): PressRecord {
  const bad = findUnstorable(record);
  if (!bad) return record;
  const others = bad.count > 1 ? ` (and ${bad.count - 1} more such character${bad.count > 2 ? 's' : ''})` : '';
  const was = record.status === 'error' && record.error ? ` The record was an error record: ${record.error.code}.` : '';
  const uri = replaceUnstorable(record.source.uri);
  const src = { uri, sha256: record.source.sha256 === null ? undefined : replaceUnstorable(record.source.sha256), size: record.source.bytes ?? undefined };
  const message =
    `${uri}: the record cannot be stored in a SQL database: ${bad.field} holds ${bad.what} at offset ${bad.offset}${others}, ` +
    `which PostgreSQL text/jsonb and UTF-8 cannot hold; write the record to NDJSON to keep it, or clean the input.${was}`;
  return errorRecord(src, 'unstorable', message, record.source.encoding === null ? null : replaceUnstorable(record.source.encoding));
}
