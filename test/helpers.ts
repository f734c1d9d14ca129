// Shared test helpers: run the built CLI, validate records against the generated JSON Schema.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchema, type PressRecord } from '../src/export/schema.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = fileURLToPath(new URL('../bin/pressx.js', import.meta.url));

export function pressx(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function parseNdjson(text: string): PressRecord[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PressRecord);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(jsonSchema());

/** Validates against the JSON Schema printed by `pressx schema`; returns the errors as text. */
export function schemaErrors(record: unknown): string {
  return validate(record) ? '' : ajv.errorsText(validate.errors);
}

/** Every span of a record, with what it should read: `record.text.slice(start, end)`. */
export function spansOf(r: PressRecord): { where: string; start: number; end: number; text?: string }[] {
  const out: { where: string; start: number; end: number; text?: string }[] = [];
  r.dates.forEach((d, i) => out.push({ where: `dates[${i}]`, start: d.start, end: d.end, text: d.text }));
  r.figures.forEach((f, i) => out.push({ where: `figures[${i}]`, start: f.start, end: f.end, text: f.text }));
  r.entities.forEach((e, i) => e.mentions.forEach((m, k) => out.push({ where: `entities[${i}] ${e.name} mention ${k}`, start: m.start, end: m.end })));
  r.repairs.forEach((x, i) => out.push({ where: `repairs[${i}]`, start: x.start, end: x.end }));
  r.truncated.forEach((x, i) => out.push({ where: `truncated[${i}]`, start: x.start, end: x.end }));
  return out;
}

/** Problems with a record's spans: out of range, inverted, or text that does not match. */
export function spanProblems(r: PressRecord): string[] {
  const problems: string[] = [];
  for (const s of spansOf(r)) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= r.text.length)) {
      problems.push(`${s.where}: ${s.start}..${s.end} outside text of length ${r.text.length}`);
    } else if (s.text !== undefined && r.text.slice(s.start, s.end) !== s.text) {
      problems.push(`${s.where}: text.slice(${s.start}, ${s.end}) = ${JSON.stringify(r.text.slice(s.start, s.end))}, span says ${JSON.stringify(s.text)}`);
    }
  }
  // An entity's name and aliases are forms that its mentions take in the text.
  r.entities.forEach((e, i) => {
    const forms = new Set(e.mentions.map((m) => r.text.slice(m.start, m.end)));
    if (e.mentions.length === 0) problems.push(`entities[${i}] ${e.name}: no mention`);
    for (const f of [e.name, ...e.aliases]) if (!forms.has(f) && !r.text.includes(f)) problems.push(`entities[${i}]: form ${JSON.stringify(f)} is not in the text`);
  });
  return problems;
}

/**
 * ../shared (seeds and dev corpora) sits beside the repository in development and in CI. Tests that
 * read it fail loudly when it is missing, so that a green run never hides tests that did not run;
 * PRESSX_NO_SHARED=1 skips them on purpose (say so when you report such a run).
 */
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export function haveShared(): boolean {
  if (existsSync(SHARED)) return true;
  if (process.env.PRESSX_NO_SHARED === '1') return false;
  throw new Error(`${SHARED} not found: these tests read the seeds and corpora there (PRESSX_NO_SHARED=1 skips them)`);
}
