// A document's messages between threads: workers send them as data, and the main thread prints the few it shows
// as unified tools print them (vfile-reporter).
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** What a document's vfile said: enough to print it as unified tools do, without sending the vfile itself. */
export interface MessageData {
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
}

/** The messages of a vfile, as data. */
export function messagesOf(file: VFile): MessageData[] {
  return file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal }));
}

/** Whether the messages hold a warning (not only the error of an error record). */
export function hasWarnings(messages: MessageData[]): boolean {
  return messages.some((m) => !m.fatal);
}

/**
 * vfile-reporter's printout of a result's messages, or null when it has none. Made only for the documents whose
 * messages are shown: formatting every document's would cost the workers about a tenth of their time.
 */
export function reportOf(uri: string, result: { messages: MessageData[] }): string | null {
  if (result.messages.length === 0) return null;
  const file = new VFile({ path: uri });
  for (const m of result.messages) {
    const place = m.line !== undefined ? { line: m.line, column: m.column ?? 1 } : undefined;
    const msg = file.message(m.reason, { place, ruleId: m.ruleId, source: m.source });
    msg.fatal = m.fatal;
  }
  return reporter([file], { quiet: true });
}
