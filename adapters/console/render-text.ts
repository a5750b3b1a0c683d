// Draws a Reply as terminal text, one function per block kind; buttons come back numbered so the
// chat can press them when a number is typed. User text is printed as typed (a terminal has no markup),
// less control characters: a report typed in Slack must not move a head's cursor or recolour the screen.

import type { Block, Button, Reply } from '../../bot/reply.js';

export interface RenderedText {
  text: string;
  buttons: Button[];
}

const typedCommand = (b: Button): string | undefined => {
  const a = b.action;
  if (a.type === 'escalation.ack') return `ack ${a.ref}`;
  if (a.type === 'escalation.show') return `show ${a.ref}`;
  if (a.type === 'escalation.note') return `note ${a.ref} <text>`;
  if (a.type === 'escalation.resolve') return `resolve ${a.ref} <outcome>`;
  if (a.type === 'escalation.recorded') return `recorded ${a.ref}`;
  if (a.type === 'head.reply') return `reply ${a.ref} <your reply>`;
  if (a.type === 'head.withdraw') return `withdraw ${a.ref}`;
  if (a.type === 'head.show') return `show ${a.ref}`;
  return undefined;
};

/** Removes terminal control characters (escape sequences, bells, carriage returns), keeping new lines and tabs. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Renders a reply; `firstButton` numbers the buttons on from an earlier reply in the same response. */
export function renderText(reply: Reply, firstButton = 1): RenderedText {
  const buttons: Button[] = [];
  const lines: string[] = [];
  for (const block of reply.blocks) lines.push(...renderBlock(block, buttons, firstButton));
  const text = lines.length ? lines.join('\n') : reply.text;
  return { text: terminalSafe(text), buttons };
}

function renderBlock(block: Block, buttons: Button[], first: number): string[] {
  switch (block.kind) {
    case 'verdict':
      return [`» ${block.headline}`];
    case 'heading':
      return [`== ${block.text} ==`];
    case 'text':
      return [block.tone === 'urgent' ? `!! ${block.text}` : block.tone === 'notice' ? `* ${block.text}` : block.text];
    case 'quote':
      return [`  "${block.text}"`, `    (${block.citation.schoolName} ${block.citation.ref}${block.citation.ref !== block.citation.heading ? `, ${block.citation.heading}` : ''})`];
    case 'fields':
      return block.fields.map((f) => `  ${f.label}: ${f.value}`);
    case 'related':
      return [`${block.title}:`, ...block.items.map((i) => `  - ${i.citation.ref} ${i.summary}`)];
    case 'actions':
      return block.actions.map((b) => {
        buttons.push(b);
        const n = first + buttons.length - 1;
        const typed = typedCommand(b);
        return `  [${n}] ${b.label}${typed ? `   (or type: ${typed})` : ''}`;
      });
    case 'form':
      return [`(form: ${block.form.title})`];
    case 'divider':
      return ['--'];
  }
}
