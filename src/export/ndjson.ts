// NDJSON sink: one record a line, to a file or to stdout, honouring back-pressure.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PressRecord } from './schema.js';

export interface RecordSink {
  write(record: PressRecord): Promise<void>;
  close(): Promise<void>;
}

export function ndjsonSink(path: string | null): RecordSink {
  const stream: Writable = path ? createWriteStream(path) : process.stdout;
  let failure: Error | null = null;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    // A closed pipe (`pressx run … | head`) ends the output quietly; anything else is reported.
    failure = err.code === 'EPIPE' ? null : err;
    if (err.code === 'EPIPE') process.exit(0);
  });
  return {
    async write(record) {
      if (failure) throw failure;
      if (!stream.write(JSON.stringify(record) + '\n')) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      if (path) {
        stream.end();
        await once(stream, 'finish');
      }
    },
  };
}
