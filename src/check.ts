// Regression mode: each `X.txt` beside an `X.expected.json` is run through the pipeline and compared
// field by field with its expected record. Users put `pressx check fixtures` in their own CI.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PressRecord } from './export/schema.js';
import { sha256 } from './ingest/sources.js';
import { createPipeline } from './pipeline.js';
import type { PipelineOptions } from './stage.js';

export interface CheckResult {
  fixture: string;
  status: 'same' | 'changed' | 'new' | 'updated';
  diff: string[];
}

async function listFixtures(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.txt')) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

export async function checkFixtures(dir: string, options: PipelineOptions & { update?: boolean } = {}): Promise<CheckResult[]> {
  const pipeline = createPipeline(options);
  const results: CheckResult[] = [];
  for (const path of await listFixtures(dir)) {
    const uri = relative(dir, path).split(sep).join('/');
    const expectedPath = path.replace(/\.txt$/, '.expected.json');
    const bytes = new Uint8Array(await readFile(path));
    const { record } = pipeline.process({ uri, bytes, sha256: sha256(bytes), size: bytes.length });
    let expected: PressRecord | null = null;
    try {
      expected = JSON.parse(await readFile(expectedPath, 'utf8')) as PressRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${expectedPath}: cannot read the expected record (${(err as Error).message})`);
    }
    const diff = expected ? diffRecords(expected, record) : [];
    if (options.update && (!expected || diff.length)) {
      await writeFile(expectedPath, JSON.stringify(record, null, 2) + '\n');
      results.push({ fixture: uri, status: 'updated', diff });
    } else if (!expected) {
      results.push({ fixture: uri, status: 'new', diff: [`no ${relative(dir, expectedPath)} yet: run with --update to record it`] });
    } else {
      results.push({ fixture: uri, status: diff.length ? 'changed' : 'same', diff });
    }
  }
  return results;
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 80 ? v.slice(0, 77) + '…' : v) : JSON.stringify(v));

/** Compares two lists of items keyed by `key`: added, removed, and field changes of kept items. */
function diffList<T extends object>(what: string, a: T[], b: T[], key: (x: T) => string, label: (x: T) => string): string[] {
  const out: string[] = [];
  const before = new Map(a.map((x) => [key(x), x]));
  const after = new Map(b.map((x) => [key(x), x]));
  for (const [k, x] of before) if (!after.has(k)) out.push(`${what} removed: ${label(x)}`);
  for (const [k, y] of after) {
    const x = before.get(k);
    if (!x) {
      out.push(`${what} added: ${label(y)}`);
      continue;
    }
    for (const f of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const vx = (x as Record<string, unknown>)[f];
      const vy = (y as Record<string, unknown>)[f];
      if (JSON.stringify(vx) !== JSON.stringify(vy)) out.push(`${what} ${label(y)}: ${f} ${show(vx)} → ${show(vy)}`);
    }
  }
  return out;
}

function diffText(a: string, b: string): string[] {
  if (a === b) return [];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ctx = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 40));
  return [`text changed at offset ${i}: ${ctx(a)} → ${ctx(b)} (length ${a.length} → ${b.length})`];
}

/** A readable, field-level list of what changed between an expected and an actual record. */
export function diffRecords(expected: PressRecord, actual: PressRecord): string[] {
  const out: string[] = [];
  const scalar = (name: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${name} ${show(x)} → ${show(y)}`);
  };
  scalar('schema', expected.schema, actual.schema);
  scalar('status', expected.status, actual.status);
  scalar('error', expected.error ?? null, actual.error ?? null);
  scalar('source.encoding', expected.source?.encoding, actual.source?.encoding);
  scalar('source.sha256', expected.source?.sha256, actual.source?.sha256);
  scalar('language', expected.language, actual.language);
  scalar('kind', expected.kind, actual.kind);
  scalar('title', expected.title, actual.title);
  scalar('dateline', expected.dateline, actual.dateline);
  scalar('published', expected.published, actual.published);
  out.push(...diffText(expected.text ?? '', actual.text ?? ''));
  const json = (x: unknown) => JSON.stringify(x);
  out.push(...diffList('removed', expected.removed ?? [], actual.removed, json, (x) => `${x.reason} ${show(x.text)}`));
  out.push(...diffList('repair', expected.repairs ?? [], actual.repairs, json, (x) => `${x.kind} ${show(x.before)} at ${x.start}`));
  out.push(...diffList('truncated', expected.truncated ?? [], actual.truncated, json, (x) => `${x.start}-${x.end}`));
  out.push(...diffList('entity', expected.entities ?? [], actual.entities, (e) => `${e.type}\0${e.name}`, (e) => `${e.type} ${show(e.name)}`));
  const span = (x: { start: number; end: number; text: string }) => `${x.start}:${x.end}:${x.text}`;
  out.push(...diffList('date', expected.dates ?? [], actual.dates, span, (d) => `${show(d.text)} (${d.value})`));
  out.push(...diffList('figure', expected.figures ?? [], actual.figures, span, (f) => `${show(f.text)} (${f.kind} ${f.value}${f.unit ? ' ' + f.unit : ''})`));
  out.push(...diffList('warning', expected.warnings ?? [], actual.warnings, json, (w) => `${w.code}: ${w.message}`));
  return out;
}
