// Walks a policy's blocks into clause drafts: the heading path and section number each sits
// under, the lead-in sentence a list item belongs to, and the list's polarity (Do's/Don'ts).

import type { Effect, Party } from '../types.js';
import { IMPERATIVE, readHeadingPolarity, readListPolarity } from './classify-effect.js';
import { audienceOf } from './classify-binds.js';
import { wordCount } from './clean-text.js';
import type { TextBlock } from './read-blocks.js';

/** A clause before its effect and binds are read. */
export interface ClauseDraft {
  section?: string;
  /** The clause carries its own number ("3.1"), not only its section's. */
  numbered?: boolean;
  headingPath: string[];
  text: string;
  leadIn?: string;
  polarity?: Effect;
  audience: Party[];
}

interface Heading { text: string; level: number; explicit: boolean; number?: string }
interface Lead { text: string; polarity?: Effect; number?: string }

const PART = /^(?:part|section)\s+[A-Z0-9]+\b|[–—:-]\s*(?:school\s+)?(?:stakeholders|parents|carers|staff|pupils|governors|volunteers)\b/i;

/** Drafts every clause of a policy from its kept blocks, in document order. */
export function buildClauses(blocks: TextBlock[]): ClauseDraft[] {
  const drafts: ClauseDraft[] = [];
  const stack: Heading[] = [];
  let lead: Lead | undefined;
  let listPolarity: Effect | undefined;
  let answered = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      pushHeading(stack, b);
      answered = false;
      lead = undefined;
      listPolarity = readHeadingPolarity(b.text);
      continue;
    }
    const ctx = context(stack);
    if (b.kind === 'para') {
      const run = itemRun(blocks, i + 1);
      const startsList = run.length > 0 && (b.lead || run.length >= 2);
      if (startsList && b.lead && (isFragmentList(run) || isConditionLead(b.text))) {
        const items = run.map((r) => `- ${r.text}`).join('\n');
        drafts.push({ ...ctx, ...sectionOf(b, stack), text: `${b.text}\n${items}` });
        i += run.length;
        lead = undefined;
        continue;
      }
      if (startsList) {
        lead = { text: b.text };
        if (b.number) lead.number = b.number;
        const p = readListPolarity(lastSentence(b.text));
        if (p) lead.polarity = p;
        if (!isMultiSentence(b.text)) continue;
      } else lead = undefined;
      const draft: ClauseDraft = { ...ctx, ...sectionOf(b, stack), text: b.text };
      // An FAQ answer stands under its question: the first paragraph is quoted with the question before
      // it (the answer's yes or no then reads as the verdict); any further paragraph has it as lead-in.
      const question = stack[stack.length - 1]?.text;
      if (question && /\?$/.test(question)) {
        if (!answered) draft.text = `${question} ${b.text}`;
        else draft.leadIn = question;
        answered = true;
      }
      drafts.push(draft);
      continue;
    }
    if (b.kind === 'row') {
      const row: ClauseDraft = { ...ctx, ...(b.number ? { section: b.number, numbered: true } : sectionOf(b, stack)), text: b.text };
      // A table under "Never" or "Only with approval": each row is one of those rules.
      if (listPolarity) row.polarity = listPolarity;
      drafts.push(row);
      continue;
    }
    // "3.2 Staff must not:" then "(b) …": the sub-clause is cited as 3.2(b).
    const sub = lead?.number && b.marker && !b.number && /^(?:[a-z]|[ivx]{1,5})$/.test(b.marker) ? { section: `${lead.number}(${b.marker})`, numbered: true } : undefined;
    const draft: ClauseDraft = { ...ctx, ...(sub ?? sectionOf(b, stack)), text: b.text };
    if (lead) draft.leadIn = lead.text;
    const polarity = lead?.polarity ?? listPolarity;
    if (polarity) draft.polarity = polarity;
    drafts.push(draft);
  }
  return drafts;
}

function pushHeading(stack: Heading[], b: TextBlock): void {
  let level: number;
  let explicit = true;
  // An FAQ question with no level of its own sits under the heading of its FAQ, after the last question.
  if (b.level === undefined && !b.number && /\?$/.test(b.text)) {
    if (/\?$/.test(stack[stack.length - 1]?.text ?? '')) stack.pop();
    stack.push({ text: b.text, level: (stack[stack.length - 1]?.level ?? 0) + 1, explicit: false });
    return;
  }
  if (PART.test(b.text) && !b.number) level = 0;
  else if (b.level !== undefined) level = b.level;
  else {
    explicit = false;
    const outer = [...stack].reverse().find((h) => h.explicit || h.level === 0);
    level = outer ? outer.level + 1 : 1;
  }
  while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
  const h: Heading = { text: b.text, level, explicit };
  if (b.number) h.number = b.number;
  stack.push(h);
}

function context(stack: Heading[]): { headingPath: string[]; audience: Party[] } {
  const headingPath = stack.map((h) => h.text);
  let audience: Party[] = [];
  for (const h of stack) {
    const a = audienceOf(h.text);
    if (a.length) audience = a;
  }
  return { headingPath, audience };
}

function sectionOf(b: TextBlock, stack: Heading[]): { section?: string; numbered?: boolean } {
  if (b.number) return { section: b.number, numbered: true };
  const numbered = [...stack].reverse().find((h) => h.number);
  return numbered?.number ? { section: numbered.number } : {};
}

function itemRun(blocks: TextBlock[], from: number): TextBlock[] {
  const run: TextBlock[] = [];
  for (let j = from; j < blocks.length && blocks[j]!.kind === 'item'; j++) run.push(blocks[j]!);
  return run;
}

/**
 * "…may be posted only where:", "The only exceptions are:": the items are the conditions of the
 * sentence before them, so they stay in one clause with it (the rule is the whole of it).
 */
function isConditionLead(text: string): boolean {
  return /\b(?:where|if|when|provided(?: that)?|providing|unless|except|as long as|exceptions? (?:are|is)|on condition that)\s*:-?$/i.test(text.trim());
}

/** Items that are only phrases ("The intended audience", "Blogs (e.g. Blogger)"): they complete their lead-in. */
function isFragmentList(run: TextBlock[]): boolean {
  const counts = run.map((r) => wordCount(r.text));
  const avg = counts.reduce((a, b) => a + b, 0) / counts.length;
  return avg <= 8 && Math.max(...counts) <= 14 && run.every((r) =>
    !r.number && !/[.;]$/.test(r.text) && !IMPERATIVE.test(r.text) && !/^(?:do not|don'?t|never|no)\b/i.test(r.text));
}

function isMultiSentence(text: string): boolean {
  return /[.!?]\s+["“(\[]?[A-Z]/.test(text.replace(/\b(?:e\.g|i\.e|etc)\./gi, ''));
}

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return parts[parts.length - 1] ?? text;
}

