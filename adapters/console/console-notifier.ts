// The terminal's Notifier: a direct message to anyone on the console platform is printed as such,
// so the whole report → head → reporter loop can be tried in one terminal. DMs are held until
// flush(), so they print after the answer that caused them rather than in the middle of it.

import type { Notifier } from '../../bot/ports/notifier.js';
import { renderText, terminalSafe } from './render-text.js';

export interface ConsoleNotifier extends Notifier {
  /** Prints the DMs sent since the last flush. */
  flush(): void;
}

export function createConsoleNotifier(out: (text: string) => void): ConsoleNotifier {
  let n = 0;
  const held: string[] = [];
  const print = (text: string) => held.push(text);
  return {
    platform: 'console',
    flush: () => {
      for (const text of held.splice(0)) out(text);
    },
    async sendDirect(to, reply) {
      const messageId = `console-${++n}`;
      print(`── DM to ${to.name ?? to.userId} (console:${to.userId}) ──${reply.preview ? `\n[notification: ${reply.preview}]` : ''}\n${renderText(reply).text}\n──`);
      return { messageId };
    },
    async updateDirect(to, messageId, reply) {
      const status = reply.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : [])).find((f) => f.label === 'Status');
      const head = reply.blocks.find((b) => b.kind === 'heading');
      print(`── DM to ${to.name ?? to.userId} (console:${to.userId}) updated [${messageId}]: ${head && 'text' in head ? terminalSafe(head.text) : ''}${status ? `, ${status.value}` : ''} ──`);
    },
  };
}
