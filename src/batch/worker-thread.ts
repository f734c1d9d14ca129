// One pool worker: a thread with its own pipeline. It receives documents, processes them one at a
// time and posts back the record and its messages (as data: the main thread prints the few it shows).
// The pool terminates and replaces a worker that overruns the time limit, so a document that hangs
// costs one worker, never the run.
import { parentPort, workerData } from 'node:worker_threads';
import { markFatal } from '../export/compile.js';
import { createPipeline } from '../pipeline.js';
import type { SourceDoc } from '../ingest/sources.js';
import type { PipelineOptions } from '../stage.js';
import { messagesOf } from './messages.js';
import type { WorkerReply, WorkerTask } from './pool.js';

const port = parentPort;
if (!port) throw new Error('pressx: worker-thread.js runs only as a worker thread');
const pipeline = createPipeline((workerData as { options: PipelineOptions }).options);

port.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    const { record, file } = pipeline.process(task.src as SourceDoc);
    markFatal(record, file);
    reply = { seq: task.seq, record, messages: messagesOf(file) };
  } catch (err) {
    // pipeline.process turns stage failures into error records; reaching here is a bug in that.
    reply = { seq: task.seq, failure: err instanceof Error ? err.stack ?? err.message : String(err) };
  }
  port.postMessage(reply);
});
// Warm up before taking work: the first document of a language builds lexicons, patterns and
// tagger tables lazily, which must not count against a document's time limit. Spanish and Dutch
// are left out: their tagger models (about 19 MB each) load only if such a document comes.
const WARM_UP: Record<string, string> = {
  en: 'Acme Corp. said on Monday it hired 40 engineers in Lyon for $2 million, up 5% from 2024.',
  fr: "La société Durand SA a annoncé lundi l'embauche de 40 ingénieurs à Lyon pour 2 millions d'euros.",
  de: 'Die Müller GmbH hat am Montag 40 Ingenieure in Berlin für 2 Millionen Euro eingestellt.',
  pt: 'A empresa Silva Ltda. anunciou na segunda-feira a contratação de 40 engenheiros em Lisboa por 2 milhões de euros.',
};
for (const [lang, text] of Object.entries(WARM_UP)) pipeline.process({ uri: `warm-up:${lang}`, text });
port.postMessage({ ready: true });
