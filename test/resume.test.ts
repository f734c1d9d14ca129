// Crash safety: a run killed with SIGKILL at random points and resumed ends with exactly the
// database (or NDJSON file) of a clean run: no document lost, none twice.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../src/extract/tagger/train.js';
import { variedDocuments } from './corpus-gen.js';
import { CLI, parseNdjson, pressx, ROOT } from './helpers.js';
import { COUNTED_TABLES } from './sink-records.js';

let dir: string;
let input: string;
const N = 60;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pressx-resume-'));
  input = join(dir, 'in');
  mkdirSync(input);
  variedDocuments(N).forEach((t, i) => writeFileSync(join(input, `doc-${String(i).padStart(3, '0')}.txt`), t));
  // Error records too: they must not be lost or doubled either.
  writeFileSync(join(input, 'zz-empty.txt'), '');
  writeFileSync(join(input, 'zz-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts a run and SIGKILLs it after `ms`, or as soon as `until()` says so (polled every 20 ms);
 * resolves with whether it was killed before finishing.
 */
function runAndKill(args: string[], ms: number, until?: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    const poll = until
      ? setInterval(() => {
          try {
            if (until()) child.kill('SIGKILL');
          } catch {
            // the database is not there yet
          }
        }, 20)
      : null;
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve(signal === 'SIGKILL');
    });
  });
}


/** Everything in the database that a run decides (not the times at which it wrote it). */
function contents(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    const docs = db.prepare('SELECT id, status, record FROM documents ORDER BY id').all();
    const ledger = db.prepare('SELECT sha256 FROM ledger ORDER BY sha256').all();
    return { counts, docs, ledger };
  } finally {
    db.close();
  }
}

function docCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('kill and resume', () => {
  it('SQLite: SIGKILL at random points, then resume, equals a clean run', { timeout: 300_000 }, async () => {
    const clean = join(dir, 'clean.sqlite');
    const t0 = Date.now();
    const r = pressx(['run', input, '--db', clean, '--workers', '2', '-q']);
    const cleanMs = Date.now() - t0;
    expect(r.code, r.stderr).toBe(1); // the two error records
    const want = contents(clean);
    expect(want.counts.documents).toBe(N + 2);
    expect(want.counts.ledger).toBe(N + 2);

    const killed = join(dir, 'killed.sqlite');
    // Deterministic pseudo-random delays, so that a failure can be replayed (FC_SEED).
    const random = rng(Number(process.env.FC_SEED) || 20261122);
    let kills = 0;
    const partial: number[] = [];
    // Small batches: many commits, so many places for a kill to land.
    const args = ['run', input, '--db', killed, '--workers', '2', '--batch-size', '4', '-q'];
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt % 2 === 1) {
        // At a random time, from start-up to half a clean run's time.
        if (await runAndKill(args, 300 + random() * cleanMs * 0.5)) kills++;
      } else {
        // Right after a random number of further documents have been committed.
        const have = existsSync(killed) ? docCount(killed) : 0;
        const target = have + 1 + Math.floor(random() * Math.max(1, (N + 2 - have) / 3));
        if (await runAndKill(args, 10 * cleanMs + 60_000, () => existsSync(killed) && docCount(killed) >= target)) kills++;
      }
      if (existsSync(killed)) partial.push(docCount(killed));
    }
    expect(kills).toBeGreaterThan(0);
    // At least one kill landed mid-run, with part of the documents committed.
    expect(partial.some((n) => n > 0 && n < N + 2), `documents after each kill: ${partial.join(', ')}`).toBe(true);
    const resumed = pressx(['run', input, '--db', killed, '--workers', '2', '-q']);
    expect(resumed.code, resumed.stderr).toBeLessThanOrEqual(1);
    expect(contents(killed)).toEqual(want);
    // A further run finds everything done.
    const again = pressx(['run', input, '--db', killed, '-q']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`0 documents.*${N + 2} skipped`));
    expect(contents(killed)).toEqual(want);
  });

  it('NDJSON: a killed run resumes to the same file, torn last line cut, nothing twice', { timeout: 300_000 }, async () => {
    const clean = join(dir, 'clean.ndjson');
    const t0 = Date.now();
    expect(pressx(['run', input, '--out', clean, '--workers', '2', '-q']).code).toBe(1);
    const cleanMs = Date.now() - t0;
    const out = join(dir, 'killed.ndjson');
    const random = rng((Number(process.env.FC_SEED) || 20261122) + 1);
    for (let attempt = 0; attempt < 3; attempt++) await runAndKill(['run', input, '--out', out, '--workers', '2', '-q'], 300 + random() * cleanMs);
    // A torn line as a crash mid-write leaves it.
    writeFileSync(out, readFileSync(out, 'utf8') + '{"schema":"pressx.record/1","id":"ab');
    expect(pressx(['run', input, '--out', out, '--workers', '2', '-q']).code).toBeLessThanOrEqual(1);
    const got = readFileSync(out, 'utf8');
    const recs = parseNdjson(got);
    expect(recs).toHaveLength(N + 2);
    expect(new Set(recs.map((x) => x.source.uri)).size).toBe(N + 2);
    // Ordered output, committed in order: the resumed file is the clean run's, byte for byte.
    expect(got).toBe(readFileSync(clean, 'utf8'));
  });
});
