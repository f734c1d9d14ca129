#!/usr/bin/env node
// Memory over a long run: `node bench/rss.js [--mb 1000] [--corpus varied|bench] [--workers N] [--keep DIR]
// [-- pressx run options]`. Writes a corpus of about --mb MB as JSON-lines files, its numbers shifted each round so
// that every copy is a new text: `varied` (the default) holds every document of ../shared's seeds and dev corpora
// and of fixtures/ (400,000 short and long documents in many languages for 100 MB), `bench` only the seeds and
// fixtures, the releases `npm run bench` measures. Runs `pressx run` over it into NDJSON with the default (or
// given) workers, samples the process's resident memory (main thread and workers together) every 2 s from /proc,
// and prints the timeline, the peak and the throughput. The corpus and the output go to a temporary folder, removed
// at the end unless --keep.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const targetMB = Number(opt('--mb', '1000'));
const workers = opt('--workers', null);
const keep = opt('--keep', null);
const kind = opt('--corpus', 'varied');
if (kind !== 'varied' && kind !== 'bench') throw new Error(`--corpus is varied or bench, not ${kind}`);
const passThrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

function baseTexts() {
  const texts = [];
  const shared = join(root, '..', 'shared');
  for (const d of [join(shared, 'seeds'), join(root, 'fixtures')]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8'));
  }
  const corpora = join(shared, 'corpora');
  if (kind === 'varied' && existsSync(corpora)) {
    for (const c of readdirSync(corpora).sort()) {
      const p = join(corpora, c, 'input.jsonl');
      if (!existsSync(p)) continue;
      for (const line of readFileSync(p, 'utf8').split('\n')) if (line) texts.push(JSON.parse(line).text ?? '');
    }
  }
  return texts.filter((t) => t.length > 0);
}

async function writeCorpus(dir) {
  const texts = baseTexts();
  let size = 0, docs = 0, file = 0;
  let out = null, fileSize = 0;
  for (let round = 1; size < targetMB * 1e6; round++) {
    for (const t of texts) {
      if (size >= targetMB * 1e6) break;
      if (!out || fileSize > 50e6) {
        if (out) await new Promise((r) => out.end(r));
        out = createWriteStream(join(dir, `part-${String(file++).padStart(3, '0')}.jsonl`));
        fileSize = 0;
      }
      const text = round === 1 ? t : t.replace(/\d{1,6}/g, (d) => String(Number(d) + round));
      const line = JSON.stringify({ id: `r${round}-${docs}`, text }) + '\n';
      if (!out.write(line)) await new Promise((r) => out.once('drain', r));
      size += Buffer.byteLength(text);
      fileSize += line.length;
      docs++;
    }
  }
  if (out) await new Promise((r) => out.end(r));
  return { docs, size };
}

const dir = keep ?? mkdtempSync(join(tmpdir(), 'pressx-rss-'));
mkdirSync(join(dir, 'in'), { recursive: true });
const t0 = Date.now();
const { docs, size } = await writeCorpus(join(dir, 'in'));
console.log(`corpus: ${docs} documents, ${(size / 1e6).toFixed(0)} MB of text (${((Date.now() - t0) / 1000).toFixed(0)} s to write)`);
const statsFile = join(dir, 'stats.json');
const runArgs = [join(root, 'bin', 'pressx.js'), 'run', join(dir, 'in'), '--out', join(dir, 'out.ndjson'), '-q', ...(workers ? ['--workers', workers] : []), ...passThrough];
const child = spawn(process.execPath, runArgs, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PRESSX_STATS_FILE: statsFile } });
const samples = [];
const started = Date.now();
const timer = setInterval(() => {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (m) samples.push({ s: (Date.now() - started) / 1000, mb: Number(m[1]) / 1024 });
  } catch { /* ended */ }
}, 2000);
const code = await new Promise((r) => child.on('exit', r));
clearInterval(timer);
const stats = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')) : null;
const step = Math.max(1, Math.floor(samples.length / 20));
console.log('resident memory over the run (s: MB):');
console.log(samples.filter((_, k) => k % step === 0).map((x) => `${x.s.toFixed(0)}: ${x.mb.toFixed(0)}`).join('  '));
if (stats) {
  const secs = (stats.finishedAt - stats.readyAt) / 1000;
  console.log(`pressx run exit ${code}: ${stats.documents} documents, ${stats.ok} ok, ${stats.errors} errors; ${(stats.bytes / 1e6 / secs).toFixed(3)} MB/s steady; peak RSS ${stats.rssMB.toFixed(0)} MB`);
  const m = stats.mainMemory;
  if (m) console.log(`main thread at the end: heap ${(m.heapUsed / 1e6).toFixed(0)} MB used of ${(m.heapTotal / 1e6).toFixed(0)} MB, ${(m.external / 1e6).toFixed(0)} MB external`);
} else console.log(`pressx run exit ${code}, no stats`);
if (!keep) rmSync(dir, { recursive: true, force: true });
