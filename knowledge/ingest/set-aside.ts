// Finds the parts of a policy document that are not rules: contents pages, form templates and
// signature blocks, table rows, web-page noise. They are set aside with the reason, not lost.

import { wordCount } from './clean-text.js';
import type { TextBlock } from './read-blocks.js';
import { isWebNoise } from './web-noise.js';
import { metadataReason } from './metadata-lines.js';

export interface SetAside { text: string; reason: string }

const FORM_FIELD = /^(?:signed|signature|print(?:ed)? name|print|name|date|position|job title|department)\s*:?[\s._]*$/i;
const DECLARATION = /^I have read(?:,)? (?:and )?understood/i;
const SUMMARY_HEADING = /^(?:(?:policy |a )?summary(?: of (?:the )?(?:policy|key points|main points))?|at a glance|(?:the )?key (?:points|messages)|in brief|(?:the )?policy in brief|quick guide|in a nutshell)$/i;
const SUMMARY = 'summary box (the policy states these points in full)';

/** Splits blocks into those to read as policy and those set aside (with why). */
export function setAside(blocks: TextBlock[]): { kept: TextBlock[]; aside: SetAside[] } {
  const kept: TextBlock[] = [];
  const aside: SetAside[] = [];
  let mode: 'normal' | 'contents' | 'form' | 'summary' = 'normal';
  let contentsSeen: string[] = [];
  let modeLevel: number | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const norm = squash(b.raw);
    // A Markdown heading as high as the one that opened a contents page or a summary closes it.
    const closes = b.kind === 'heading' && modeLevel !== undefined && b.level !== undefined && b.level <= modeLevel;
    if (mode === 'summary') {
      if (b.kind === 'heading' && (closes || modeLevel === undefined)) mode = 'normal';
      else {
        aside.push({ text: b.raw.trim(), reason: SUMMARY });
        continue;
      }
    }
    if (mode === 'contents') {
      const repeats = contentsSeen.some((c) => c.startsWith(norm) && norm.length >= 4);
      if ((b.kind === 'heading' && ((repeats && contentsSeen.length > 0) || closes)) || (b.kind === 'para' && wordCount(b.text) > 25)) {
        mode = 'normal';
      } else {
        contentsSeen.push(squash(b.raw));
        aside.push({ text: b.raw.trim(), reason: 'contents page' });
        continue;
      }
    }
    if (mode === 'form') {
      if (b.kind === 'heading' && b.number && !/appendix/i.test(b.text)) mode = 'normal';
      else {
        aside.push({ text: b.raw.trim(), reason: 'form template' });
        continue;
      }
    }
    if (b.kind === 'heading' && /^(?:table of )?contents$/i.test(b.text.trim())) {
      mode = 'contents';
      contentsSeen = [];
      modeLevel = b.level;
      aside.push({ text: b.raw.trim(), reason: 'contents page' });
      continue;
    }
    if (b.kind === 'heading' && SUMMARY_HEADING.test(b.text.trim())) {
      mode = 'summary';
      modeLevel = b.level;
      aside.push({ text: b.raw.trim(), reason: SUMMARY });
      continue;
    }
    const meta = metadataReason(blocks, i);
    if (meta) {
      aside.push({ text: b.raw.trim(), reason: meta });
      continue;
    }
    if (startsForm(b, blocks[i + 1])) {
      mode = 'form';
      aside.push({ text: b.raw.trim(), reason: 'form template' });
      continue;
    }
    const reason = reasonFor(b);
    if (reason) aside.push({ text: b.raw.trim(), reason });
    else kept.push(b);
  }
  return { kept, aside };
}

function reasonFor(b: TextBlock): string | undefined {
  const t = b.text.trim();
  if (b.kind === 'row') return b.metadata ? 'document details table (read as metadata)' : undefined;
  if (!/[A-Za-z]/.test(t)) return 'no words (stray table cell or separator)';
  if (isWebNoise(t)) return 'web-page or page-layout noise';
  if (wordCount(t) <= 8 && /@[\w-]+\.|\b(?:tel|phone|telephone|fax|mobile)\b\.?:?\s*[+\d(]/i.test(t)) return 'contact details';
  if (FORM_FIELD.test(t) || (/^(?:signed|print(?:ed)? name|print|date)\s*:/i.test(t) && wordCount(t) <= 20)) return 'signature block';
  if (DECLARATION.test(t)) return 'signature block';
  if (/<input\b|please tick|tick all that apply|☐|□/i.test(b.raw)) return 'form template';
  if (/\t/.test(b.raw) && b.kind !== 'item') return 'table row';
  if (/^NOTE:\s/.test(t) && /\b(?:amend|insert|delete as appropriate|in line with their own)\b/i.test(t)) return 'drafting note in a model policy';
  return undefined;
}

/** An appendix that is a form, or a "please complete this form" block, starts a form template. */
function startsForm(b: TextBlock, next: TextBlock | undefined): boolean {
  const t = `${b.text} ${next?.text ?? ''}`;
  if (/^appendix\b/i.test(b.text) && /\bform\b/i.test(t)) return true;
  return b.kind === 'heading' && /\b(?:approval|application|request|consent)\s+form\b/i.test(b.text);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
