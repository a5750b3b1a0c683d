// Lines about the document rather than rules in it: who signed or approved it and when, and when it
// is due for review. They are read as metadata (SchoolInfo), never as headings or clauses.

import { wordCount } from './clean-text.js';
import { readDates } from './policy-dates.js';
import type { TextBlock } from './read-blocks.js';

const HONORIFIC_NAME = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Rev(?:d|erend)?|Prof(?:essor)?|Sir|Dame|Canon)\.?\s+(?:[A-Z][a-z'’-]*\.?\s*){1,4}$/;
const ROLE_LINE = /^(?:(?:executive|acting|interim|deputy|co-)\s*)?(?:head ?teacher|head of school|principal|chair(?:man|person)?(?: of (?:the )?(?:governors|governing (?:body|board)|trustees|the board))?|vice[- ]chair(?: of governors)?|ceo|chief executive(?: officer)?|governor|clerk to (?:the )?governors)s?$/i;
const LABELLED_PERSON = /^(?:chair(?: of governors)?|head ?teacher|principal|signed by|approved by|signatory)\s*:\s*\S/i;
const MODAL = /\b(?:must|should|shall|will|may|can|cannot|need to|are expected)\b/;
const SIGNED = /^(?:signed|signature)\b/i;

/** Why a block is metadata (a date or review line, a signatory), or undefined when it is not. */
export function metadataReason(blocks: TextBlock[], i: number): string | undefined {
  const b = blocks[i]!;
  if (b.kind === 'item' || b.kind === 'row') return undefined;
  const t = b.text.trim();
  if (isDateLine(t)) return 'date or review line (read as metadata)';
  if (isSignatory(t)) return 'signatory (read as metadata)';
  const prev = blocks[i - 1]?.text.trim() ?? '';
  if (ROLE_LINE.test(t) && (isSignatory(prev) || SIGNED.test(prev) || isDateLine(prev))) return 'signatory (read as metadata)';
  return undefined;
}

/** A line that is about the document: a labelled date, a signature, a signatory's name. */
export function isMetadataLine(text: string): boolean {
  const t = text.trim();
  return isDateLine(t) || isSignatory(t) || (SIGNED.test(t) && wordCount(t) <= 12);
}

/** "Approved by governors: 12 March 2025", "Review due: September 2026": a labelled date on a short line. */
function isDateLine(t: string): boolean {
  return wordCount(t) <= 22 && !MODAL.test(t) && readDates(t).length > 0;
}

function isSignatory(t: string): boolean {
  return (HONORIFIC_NAME.test(t) && wordCount(t) <= 6) || (LABELLED_PERSON.test(t) && wordCount(t) <= 10 && !MODAL.test(t));
}

/** Who signed or approved the policy, from its set-aside signature lines: "Mrs J. Patel, Headteacher". */
export function readSignatory(lines: string[]): string | undefined {
  for (let k = 0; k < lines.length; k++) {
    const name = lines[k]!.replace(/^(?:signed|signature)(?: by)?\s*:?\s*/i, '').replace(/[_.\s]+$/, '').trim();
    if (!HONORIFIC_NAME.test(name) && !(SIGNED.test(lines[k]!) && /^[A-Z][\w.'’ -]{2,40}$/.test(name))) continue;
    const role = lines[k + 1]?.trim();
    return role && ROLE_LINE.test(role) ? `${name}, ${role}` : name;
  }
  return undefined;
}
