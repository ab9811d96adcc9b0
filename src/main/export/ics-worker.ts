// Worker-thread entry that writes one run of a large .ics export (export/ics-parallel.ts sends the
// runs and puts the parts together). It stays up between exports, so the `ics` package and its
// validator load once. Errors come back as wire errors, never as stack traces.
import { parentPort } from 'node:worker_threads';
import { toWireError, type WireError } from '../../shared/errors.ts';
import type { AgendaEvent } from './agenda.ts';
import { writeIcsPart, type IcsContext } from './ics.ts';

export interface IcsPartRequest {
  id: number;
  events: AgendaEvent[];
  context: IcsContext;
}

/** 'ready' once, when the modules are loaded; then one reply per request. */
export type IcsPartReply = 'ready' | { id: number; text: string } | { id: number; error: WireError };

const port = parentPort;
port?.on('message', ({ id, events, context }: IcsPartRequest) => {
  let reply: IcsPartReply;
  try {
    reply = { id, text: writeIcsPart(events, context, false) };
  } catch (err) {
    reply = { id, error: toWireError(err) };
  }
  port.postMessage(reply);
});
port?.postMessage('ready' satisfies IcsPartReply);
