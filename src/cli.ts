// The command line: run, extract, check, schema. Exit codes: 0 all ok, 1 some documents became
// error records (or fixtures changed), 2 usage error.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import { markFatal } from './export/compile.js';
import { hasWarnings, reportOf } from './batch/messages.js';
import { jsonSchema } from './export/schema.js';
import { readSources } from './ingest/sources.js';
import { registerDistributedCommands } from './distributed/commands.js';

// The pipeline loads language models and lexicons (about a second); help and usage errors must not wait for it.
const loadPipeline = () => import('./pipeline.js');
import type { PipelineOptions } from './stage.js';
import type { Sink } from './sink/types.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Documents whose messages are printed in full; past this, only a count (records keep them all). */
const MAX_REPORTED = 50;

function referenceDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2025-03-14');
  }
  return value;
}

function langCode(value: string): string {
  if (!/^[a-z]{2,3}$/.test(value)) throw new InvalidArgumentError('expected an ISO 639-1 code such as en, fr, de, es, pt');
  return value;
}

/** A usage error found after parsing (exit code 2). */
class UsageError extends Error {}

const DEFAULT_MAX_BYTES = 4_000_000;

interface RunOptions {
  out?: string;
  db?: string;
  workers: number;
  unordered?: boolean;
  maxBytes: number;
  timeout: number;
  heapGrowth: number;
  force?: boolean;
  since?: Date;
  batchSize: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d{1,4}$/.test(value) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function percent(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (!/^\d{1,3}%?$/.test(value) || n > 300) throw new InvalidArgumentError('expected a whole percentage from 0 to 300, e.g. 25 (0 = V8\'s default)');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d{1,7}(\.\d{1,3})?$/.test(value)) throw new InvalidArgumentError('expected seconds, e.g. 30 or 0.5 (0 = no limit)');
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, k: 1e3, mb: 1e6, m: 1e6, gb: 1e9, g: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** "4MB", "500kB", "1.5MiB" or a plain number of bytes. */
export function byteSize(value: string): number {
  const m = /^(\d{1,12}(?:\.\d{1,6})?) ?([a-z]{0,3})$/i.exec(value.trim());
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) * unit < 1) throw new InvalidArgumentError('expected a size such as 500kB, 4MB, 1GiB or a number of bytes');
  return Math.round(Number(m[1]) * unit);
}

function sinceDate(value: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}(T[\d:.]{2,12}(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected a date YYYY-MM-DD or an ISO time such as 2025-03-14T08:00Z');
  return d;
}

interface CommonOptions {
  referenceDate?: string;
  lang?: string;
  quiet?: boolean;
}

function pipelineOptions(o: CommonOptions): PipelineOptions {
  return { referenceDate: o.referenceDate ?? null, lang: o.lang ?? null };
}


function addCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--reference-date <YYYY-MM-DD>', 'resolve relative dates against this date (wins over "published" and the dateline)').argParser(referenceDate))
    .addOption(new Option('--lang <code>', 'skip language detection and treat every document as this language').argParser(langCode));
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('pressx')
    .description('Press-release ingestion and extraction: one pressx.record/1 JSON record per document.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  addCommon(
    program
      .command('run')
      .description('process files, folders (.txt, .md, .jsonl, .ndjson, recursively), globs or - (stdin) into records: NDJSON (--out), SQLite or PostgreSQL (--db)')
      .argument('<inputs...>', 'files, folders, glob patterns, or - for standard input')
      .option('-o, --out <file>', 'write NDJSON records to this file (resumed on a re-run: what it holds is skipped)')
      .option('--db <target>', 'write to a database: a SQLite file (.sqlite, .sqlite3, .db) or postgres://user@host/db')
      .addOption(new Option('-w, --workers <n>', 'worker threads').argParser(positiveInt).default(availableParallelism(), 'one per core'))
      .option('--unordered', 'write records as they finish instead of in input order')
      .addOption(new Option('--max-bytes <size>', 'documents larger than this become too-large error records (e.g. 500kB, 8MB)').argParser(byteSize).default(DEFAULT_MAX_BYTES, '4MB'))
      .addOption(new Option('--timeout <seconds>', 'abandon a document after this long (its worker is replaced); 0 = no limit').argParser(seconds).default(60))
      .addOption(new Option('--heap-growth <percent>', 'how far a worker\'s memory may grow past what it holds before a full garbage collection; higher is a little faster, lower keeps memory flatter (0 = V8\'s default, up to 300%)').argParser(percent).default(25))
      .addOption(new Option('--batch-size <n>', 'records per commit (a partial batch is committed every second)').argParser(positiveInt).default(64))
      .option('--force', 'process sources the ledger says are done (and rewrite --out from scratch)')
      .addOption(new Option('--since <date>', 'only files modified at or after this date (YYYY-MM-DD or an ISO time)').argParser(sinceDate))
      .option('-q, --quiet', 'print only errors and the summary, not per-document warnings'),
  ).action(async (inputs: string[], o: CommonOptions & RunOptions) => {
    if (o.out) {
      const dir = dirname(resolve(o.out));
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--out ${o.out}: the folder ${dir} does not exist`);
      if (existsSync(o.out) && statSync(o.out).isDirectory()) throw new UsageError(`--out ${o.out} is a folder; give a file name`);
    }
    if (o.db && !/^postgres(ql)?:\/\//.test(o.db)) {
      const dir = dirname(resolve(o.db));
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--db ${o.db}: the folder ${dir} does not exist`);
    }
    const { openSink } = await import('./sink/index.js');
    const { runBatch } = await import('./batch/run.js');
    const { progress: makeProgress, inputBytes, summary } = await import('./batch/progress.js');
    const sinks: Sink[] = [];
    try {
      if (o.out || !o.db) sinks.push(await openSink(o.out ?? null, { append: !o.force }));
      if (o.db) sinks.push(await openSink(o.db));
    } catch (err) {
      for (const s of sinks) await s.close().catch(() => undefined);
      throw err;
    }
    const tty = process.stderr.isTTY === true;
    const bar = makeProgress(process.stderr, tty ? await inputBytes(inputs) : null);
    let reported = 0;
    let unreported = 0;
    const controller = new AbortController();
    const onSignal = () => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort();
      bar.clear();
      process.stderr.write('pressx: stopping after the documents in flight (press Ctrl-C again to quit at once)\n');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let stats;
    try {
      stats = await runBatch({
        inputs,
        sinks,
        pipeline: pipelineOptions(o),
        workers: o.workers,
        unordered: o.unordered,
        maxBytes: o.maxBytes,
        timeoutMs: o.timeout * 1000,
        heapGrowthPercent: o.heapGrowth,
        force: o.force,
        since: o.since,
        batchSize: o.batchSize,
        signal: controller.signal,
        onResult(r) {
          const show = r.record.status === 'error' || (!o.quiet && hasWarnings(r.messages));
          if (!show || r.messages.length === 0) return;
          if (reported < MAX_REPORTED) {
            reported++;
            bar.clear();
            process.stderr.write(reportOf(r.record.source.uri, r) + '\n');
          } else unreported++;
        },
        onProgress: (s) => bar.update(s),
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      bar.done();
      for (const s of sinks) await s.close().catch(() => undefined);
    }
    if (unreported) process.stderr.write(`… and ${unreported} more documents with messages (each record's "warnings" and "error" keep them all)\n`);
    if (stats.seen === 0 && stats.skippedSince === 0) process.stderr.write(`pressx: no documents found in ${inputs.join(', ')} (looked for .txt, .md, .jsonl, .ndjson)\n`);
    process.stderr.write(summary(stats) + '\n');
    // For the benchmark: the run's counts and times as JSON.
    if (process.env.PRESSX_STATS_FILE) writeFileSync(process.env.PRESSX_STATS_FILE, JSON.stringify({ ...stats, rssMB: process.resourceUsage().maxRSS / 1024, mainMemory: process.memoryUsage() }));
    process.exitCode = stats.errors ? 1 : stats.interrupted ? 130 : 0;
  });

  addCommon(
    program
      .command('extract')
      .description('print one pretty record for one file (or - for standard input)')
      .argument('<file>', 'a .txt or .md file, or - for standard input'),
  ).action(async (input: string, o: CommonOptions) => {
    const pipeline = (await loadPipeline()).createPipeline(pipelineOptions(o));
    let n = 0;
    let failed = false;
    for await (const src of readSources([input])) {
      const { record, file } = pipeline.process(src);
      markFatal(record, file);
      if (file.messages.length) process.stderr.write(reporter([file], { quiet: true }) + '\n');
      process.stdout.write(JSON.stringify(record, null, 2) + '\n');
      failed ||= record.status === 'error';
      n++;
    }
    process.exitCode = failed ? 1 : 0;
    if (n === 0) {
      process.stderr.write(`pressx: ${input} holds no document\n`);
      process.exitCode = 2;
    }
  });

  addCommon(
    program
      .command('check')
      .description('regression check: run every X.txt beside X.expected.json and print what changed, field by field')
      .argument('<fixtures-dir>', 'folder of X.txt files with X.expected.json records')
      .option('-u, --update', 'rewrite the expected records with the current output'),
  ).action(async (dir: string, o: CommonOptions & { update?: boolean }) => {
    let results;
    try {
      const { checkFixtures } = await import('./check.js');
      results = await checkFixtures(dir, { ...pipelineOptions(o), update: o.update });
    } catch (err) {
      process.stderr.write(`pressx check: ${(err as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    if (results.length === 0) {
      process.stderr.write(`pressx check: no .txt fixtures in ${dir}\n`);
      process.exitCode = 2;
      return;
    }
    let bad = 0;
    for (const r of results) {
      if (r.status === 'same') continue;
      if (r.status !== 'updated') bad++;
      process.stdout.write(`${r.fixture}: ${r.status}${r.diff.length ? '' : ' (recorded)'}\n`);
      for (const line of r.diff) process.stdout.write(`  ${line}\n`);
    }
    const counts = (s: string) => results.filter((r) => r.status === s).length;
    process.stdout.write(`pressx check: ${results.length} fixtures, ${counts('same')} unchanged, ${counts('changed')} changed, ${counts('new')} new, ${counts('updated')} updated\n`);
    process.exitCode = bad ? 1 : 0;
  });

  program
    .command('schema')
    .description('print the JSON Schema of pressx.record/1')
    .action(() => {
      process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + '\n');
    });

  registerDistributedCommands(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; everything commander rejects is a usage error.
      process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : 2;
      return;
    }
    // A usage error found after parsing is exit 2; anything else failed the run itself (exit 1).
    process.stderr.write(`pressx: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
}
