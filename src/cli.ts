// The command line: run, extract, check, schema. Exit codes: 0 all ok, 1 some documents became
// error records (or fixtures changed), 2 usage error.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { ndjsonSink } from './export/ndjson.js';
import { jsonSchema, type PressRecord } from './export/schema.js';
import { readSources } from './ingest/sources.js';

// The pipeline loads language models and lexicons (about a second); help and usage errors must not wait for it.
const loadPipeline = () => import('./pipeline.js');
import type { PipelineOptions } from './stage.js';

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

/**
 * Progress on long runs, on standard error: a line rewritten in place on a terminal, a plain log
 * line every 10 s otherwise. Nothing for runs shorter than the first interval.
 */
function progressReporter(status: () => string): { tick(): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const every = tty ? 500 : 10_000;
  const t0 = Date.now();
  let next = t0 + every;
  let shown = false;
  return {
    tick() {
      const now = Date.now();
      if (now < next) return;
      next = now + every;
      const line = `pressx: ${status()}, ${((now - t0) / 1000).toFixed(0)} s`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
      shown = true;
    },
    done() {
      if (shown && tty) process.stderr.write('\r\x1b[K');
    },
  };
}

interface CommonOptions {
  referenceDate?: string;
  lang?: string;
  quiet?: boolean;
}

function pipelineOptions(o: CommonOptions): PipelineOptions {
  return { referenceDate: o.referenceDate ?? null, lang: o.lang ?? null };
}

/** Marks an error record's problem as fatal on its file, so the reporter prints it as an error. */
function markFatal(record: PressRecord, file: VFile): void {
  if (record.status === 'error' && record.error) {
    const m = file.message(record.error.message, { ruleId: record.error.code, source: 'pressx' });
    m.fatal = true;
  }
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
      .description('process files, folders (.txt, .md, .jsonl, .ndjson, recursively), globs or - (stdin) into NDJSON records')
      .argument('<inputs...>', 'files, folders, glob patterns, or - for standard input')
      .option('-o, --out <file>', 'write NDJSON here instead of standard output')
      .option('-q, --quiet', 'print only errors and the summary, not per-document warnings'),
  ).action(async (inputs: string[], o: CommonOptions & { out?: string }) => {
    if (o.out) {
      const dir = dirname(resolve(o.out));
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--out ${o.out}: the folder ${dir} does not exist`);
      if (existsSync(o.out) && statSync(o.out).isDirectory()) throw new UsageError(`--out ${o.out} is a folder; give a file name`);
    }
    const started = process.hrtime.bigint();
    const pipeline = (await loadPipeline()).createPipeline(pipelineOptions(o));
    const sink = ndjsonSink(o.out ?? null);
    let docs = 0;
    let errors = 0;
    let reported = 0;
    let unreported = 0;
    const progress = progressReporter(() => `${docs} documents, ${errors} errors`);
    for await (const src of readSources(inputs)) {
      const { record, file } = pipeline.process(src);
      docs++;
      if (record.status === 'error') errors++;
      progress.tick();
      markFatal(record, file);
      const show = record.status === 'error' || (!o.quiet && file.messages.length > 0);
      if (show && reported < MAX_REPORTED) {
        reported++;
        process.stderr.write(reporter([file], { quiet: true }) + '\n');
      } else if (show) unreported++;
      await sink.write(record);
    }
    await sink.close();
    progress.done();
    if (unreported) process.stderr.write(`… and ${unreported} more documents with messages (each record's "warnings" and "error" keep them all)\n`);
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    if (docs === 0) process.stderr.write(`pressx: no documents found in ${inputs.join(', ')} (looked for .txt, .md, .jsonl, .ndjson)\n`);
    process.stderr.write(`pressx: ${docs} documents, ${docs - errors} ok, ${errors} errors, ${secs.toFixed(2)} s\n`);
    process.exitCode = errors ? 1 : 0;
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
