// Turns policy lines into blocks (headings, paragraphs, list items), rejoining sentences that a
// page break split and lines that a PDF extraction wrapped. Works on text and Markdown alike.

import { cleanInline, wordCount } from './clean-text.js';
import { isWebNoise } from './web-noise.js';
import { isTableLine, readTable, type TableRow } from './read-tables.js';
import { isMetadataLine } from './metadata-lines.js';

/** One structural piece of a policy document. */
export interface TextBlock {
  kind: 'heading' | 'para' | 'item' | 'row';
  /** Cleaned text (formatting marks removed). */
  text: string;
  /** The source lines as written, for set-aside checks (tables, forms). */
  raw: string;
  /** 1-based line of the block's first line in the policy body. */
  line: number;
  /** Heading depth: Markdown `#` count, or 1 + dots in a section number. */
  level?: number;
  /** Section number written before the text ("3.1", "2.0", "4"). */
  number?: string;
  /** The block ends with a colon: it introduces the list that follows. */
  lead?: boolean;
  /** A list item's own label: "b" for "(b)", "ii" for "ii.", "3" for "3." (sub-clauses are cited by it). */
  marker?: string;
  /** A table row's column headings; `metadata` when the table is a document-control box. */
  columns?: string[];
  metadata?: boolean;
}

interface Line { text: string; no: number }

// Dashes and dots, "1." "a)" "(b)" "(iv)" and roman "ii." "iv)": the lettered and roman sub-clauses of model policies.
const BULLET = /^(\s*)([-•*▪●◦‣·–]|\d{1,2}[.)]|[a-z][.)]|[ivx]{2,5}[.)]|\([a-z0-9]{1,4}\))\s+(.*)$/;
/** A line that opens a numbered clause ("3.2 Staff must…"): it starts a block of its own. */
const NUMBERED_LINE = /^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+\S/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SECTION = /^(\d{1,2}(?:\.\d{1,2})+|\d{1,2}\.?)\s+(?=\S)/;
const TERMINAL = /[.!?;:)\]"'”’]$/;
const MODAL = /\b(must|should|will|shall|may|can|are|is|include|includes|following|apply|applies)\b/i;

/** Reads the body of a policy into blocks, in document order. */
export function readBlocks(lines: string[]): TextBlock[] {
  const groups = rejoinPageBreaks(groupLines(lines));
  return groups.flatMap(groupToBlocks);
}

function groupLines(lines: string[]): Line[][] {
  const groups: Line[][] = [];
  let cur: Line[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') {
      if (cur.length) groups.push(cur);
      cur = [];
    } else cur.push({ text, no: i + 1 });
  });
  if (cur.length) groups.push(cur);
  return groups;
}

/** A sentence cut by a page break: the group ends mid-sentence and the next starts in lower case. */
function rejoinPageBreaks(groups: Line[][]): Line[][] {
  const out: Line[][] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    const last = prev?.[prev.length - 1]?.text.trim() ?? '';
    const first = g[0]!.text.trim();
    const midSentence = last !== '' && !TERMINAL.test(cleanInline(last)) && wordCount(last) >= 6;
    if (prev && midSentence && /^[a-z]/.test(first) && !BULLET.test(g[0]!.text)) {
      prev[prev.length - 1] = { ...prev[prev.length - 1]!, text: `${last} ${first}` };
      prev.push(...g.slice(1));
    } else out.push([...g]);
  }
  return out;
}

/** A group's table rows become row blocks; the lines around them are read as usual. */
function groupToBlocks(group: Line[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (let i = 0; i < group.length; ) {
    let j = i;
    while (j < group.length && isTableLine(group[j]!.text)) j++;
    const rows = j > i ? readTable(group.slice(i, j)) : undefined;
    if (rows) {
      blocks.push(...rows.map(rowBlock));
      i = j;
      continue;
    }
    let k = Math.max(j, i + 1);
    while (k < group.length && !isTableLine(group[k]!.text)) k++;
    blocks.push(...linesToBlocks(group.slice(i, k)));
    i = k;
  }
  return blocks;
}

function rowBlock(r: TableRow): TextBlock {
  const block: TextBlock = { kind: 'row', text: r.text, raw: r.raw, line: r.line };
  if (r.code) block.number = r.code;
  if (r.columns) block.columns = r.columns;
  if (r.metadata) block.metadata = true;
  return block;
}

function linesToBlocks(group: Line[]): TextBlock[] {
  // "1. Introduction" alone on its line is a numbered heading, not a one-item list.
  const only = group.length === 1 ? /^\s*\d{1,2}\.\s+(.*)$/.exec(group[0]!.text) : null;
  if (only && wordCount(only[1]!) <= 12 && !/[.!?;:]$/.test(only[1]!.trim())) {
    return [classifyPlain(cleanInline(group[0]!.text), group[0]!.text, group[0]!.no)];
  }
  const blocks: TextBlock[] = [];
  let item: { text: string; raw: string; line: number; indent: number; marker: string } | undefined;
  let plain: Line[] = [];
  const flushPlain = (): void => {
    if (plain.length) blocks.push(...plainBlocks(plain));
    plain = [];
  };
  const flushItem = (): void => {
    if (item) blocks.push(itemBlock(item.text, item.raw, item.line, item.marker));
    item = undefined;
  };
  for (const ln of group) {
    const md = MD_HEADING.exec(ln.text);
    const b = md ? null : BULLET.exec(ln.text);
    if (md) {
      flushItem(); flushPlain();
      blocks.push(headingBlock(md[2]!, ln.text, ln.no, md[1]!.length));
    } else if (b) {
      flushPlain();
      const indent = b[1]!.length;
      if (item && indent > item.indent) {
        item.text += `\n- ${b[3]!.trim()}`;
        item.raw += `\n${ln.text}`;
      } else {
        flushItem();
        item = { text: b[3]!.trim(), raw: ln.text, line: ln.no, indent, marker: b[2]!.replace(/[().]/g, '') };
      }
    } else if (item && (/^\s/.test(ln.text) || !TERMINAL.test(item.text.trim()) || /^<?https?:/.test(ln.text.trim()))) {
      item.text += ` ${ln.text.trim()}`;
      item.raw += `\n${ln.text}`;
    } else {
      flushItem();
      // A numbered clause starts a block; a date, signature or signatory line is a block of its own.
      const meta = isMetadataLine(ln.text);
      if (NUMBERED_LINE.test(ln.text) || meta) flushPlain();
      plain.push(ln);
      if (meta) flushPlain();
    }
  }
  flushItem(); flushPlain();
  return blocks;
}

function itemBlock(text: string, raw: string, line: number, marker: string): TextBlock {
  const sec = /^(\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)/.exec(text);
  const body = cleanInline(sec ? text.slice(sec[0].length) : text).replace(/ ?\n ?/g, '\n');
  const block: TextBlock = { kind: 'item', text: body, raw, line };
  if (/^(?:[a-z]|[ivx]{1,5}|\d{1,2})$/.test(marker)) block.marker = marker;
  if (sec) block.number = sec[1];
  if (/:-?$/.test(body)) block.lead = true;
  return block;
}

/** Plain lines: a wrapped paragraph, a heading, or a column of short lines (a list of names). */
function plainBlocks(lines: Line[]): TextBlock[] {
  const segments = splitStandalone(lines);
  if (segments.length > 1) return segments.flatMap(plainBlocks);
  const raw = lines.map((l) => l.text).join('\n');
  const short = lines.every((l) => wordCount(l.text) <= 8 && !TERMINAL.test(l.text.trim()));
  // A page footer (share, print, address, copyright) is a column too, but its furniture is set aside line by line.
  if (lines.length >= 3 && short && lines.filter((l) => isWebNoise(l.text)).length * 3 >= lines.length) {
    return lines.map((l) => classifyPlain(cleanInline(l.text), l.text, l.no));
  }
  if (lines.length >= 3 && short && !lines.some((l) => l.text.includes('\t'))) {
    const text = lines.map((l) => cleanInline(l.text)).join('\n');
    return [{ kind: 'para', text, raw, line: lines[0]!.no }];
  }
  const joined = lines.map((l) => l.text.trim()).join(' ');
  // "**Former students.** Staff must not…": a bold run-in heading names the paragraph it opens.
  const runIn = RUN_IN_HEADING.exec(joined);
  if (runIn && wordCount(runIn[1]!) <= 10) return [headingBlock(runIn[1]!, raw, lines[0]!.no), classifyPlain(cleanInline(runIn[2]!), raw, lines[0]!.no)];
  return [classifyPlain(cleanInline(joined), raw, lines[0]!.no)];
}

const RUN_IN_HEADING = /^\*\*([^*]{2,80}?)[.:]?\*\*[.:]?\s+(\S.*)$/;

/**
 * A page copied from a website keeps headings and menu items on their own lines with no blank line
 * around them: a short Title Case or menu line between sentences stands alone. A column of short
 * lines (names, a list) and a wrapped paragraph stay whole.
 */
function splitStandalone(lines: Line[]): Line[][] {
  const hasBody = lines.some((l) => (wordCount(l.text) > 12 && TERMINAL.test(l.text.trim())) || /:-?$/.test(l.text.trim()) || QUESTION_LINE.test(l.text));
  if (lines.length < 2 || !hasBody) return [lines];
  const out: Line[][] = [];
  let cur: Line[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1]?.text.trim();
    const next = lines[i + 1]?.text.trim();
    const after = prev === undefined || TERMINAL.test(prev) || standalone(prev, undefined);
    if (after && standalone(l.text.trim(), next)) {
      if (cur.length) out.push(cur);
      out.push([l]);
      cur = [];
    } else if ((after && QUESTION_LINE.test(l.text) && cur.length) || (ANSWER_LINE.test(l.text) && cur.length && QUESTION_LINE.test(cur[0]!.text))) {
      // "Q: Can I…?" opens a question-and-answer pair of a FAQ; "A: …" opens its answer.
      out.push(cur);
      cur = [l];
    } else cur.push(l);
  });
  if (cur.length) out.push(cur);
  return out;
}

/** A FAQ question line: "Q: …", "Q1. …", "Question: …"; and its answer: "A: …", "Answer: …". */
const QUESTION_LINE = /^\s*(?:Q\d{0,2}|Question\s*\d{0,2})\s*[:.)]\s+\S/;
const QUESTION_PREFIX = /^\s*(?:Q\d{0,2}|Question\s*\d{0,2})\s*[:.)]\s+/;
const ANSWER_LINE = /^\s*(?:A|Ans|Answer)\s*:\s+\S/;
/** A question on its own: an FAQ's question, read as the heading its answer stands under. */
const ASKS = /^(?:can|may|should|must|do|does|is|are|am|what|how|who|when|where|why|will|could|would|if|i)\b/i;

function standalone(text: string, next: string | undefined): boolean {
  if (isWebNoise(text) && wordCount(text) <= 8) return true;
  if (TERMINAL.test(text) || wordCount(text) > 14 || !/^[A-Z0-9"'“‘(]/.test(text)) return false;
  if (next !== undefined && !/^[A-Z0-9"'“‘(•*-]/.test(next)) return false;
  const long = text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}/.test(w));
  if (long.length > 0 && long.filter((w) => /^[A-Z]/.test(w)).length / long.length >= 0.6) return true;
  return next !== undefined && sentenceCaseHeading(text, next);
}

/**
 * "Photographs at school events" over "Parents are welcome to…": a short line with no end stop,
 * then a line that opens a sentence much longer than it, a lead-in ("We ask parents to:") or a
 * FAQ question, is a heading written in sentence case, not the start of a wrapped paragraph.
 */
function sentenceCaseHeading(text: string, next: string): boolean {
  const n = wordCount(text);
  if (n > 8 || /\b(?:and|or|of|the|to|a|an|for|with|in|on|by|at|as|that|which|is|are)$/i.test(text)) return false;
  return wordCount(next) >= 2 * n + 6 || /:-?$/.test(next) || QUESTION_LINE.test(next);
}

function classifyPlain(text: string, raw: string, line: number): TextBlock {
  if (isQuestion(text)) return headingBlock(text.replace(QUESTION_PREFIX, ''), raw, line);
  if (ANSWER_LINE.test(text)) text = text.replace(/^\s*(?:A|Ans|Answer)\s*:\s+/, '');
  const sec = SECTION.exec(text);
  const body = sec ? text.slice(sec[0].length).trim() : text;
  const number = sec?.[1]?.replace(/\.$/, '');
  const boldOnly = /^\s*\*\*[^*]+\*\*\s*:?-?\s*$/.test(raw);
  const colon = /:-?$/.test(body);
  const words = wordCount(body);
  const headingLike =
    boldOnly ||
    (words <= 12 && !/[.!?;]$/.test(body) && !colon && /^[A-Z0-9"'“‘(]/.test(body) && !raw.includes('\t')) ||
    (colon && words <= 8 && !MODAL.test(body));
  if (headingLike && (!number || words <= 12)) {
    return headingBlock(body, raw, line, number ? number.split('.').filter((p) => p !== '0').length || 1 : undefined, number);
  }
  const block: TextBlock = { kind: 'para', text: body, raw, line };
  if (number && number.includes('.')) block.number = number;
  if (colon) block.lead = true;
  return block;
}

/** "Q: Can I…?", or a lone question of a few words: an FAQ question, never a rule. */
function isQuestion(text: string): boolean {
  const t = text.trim();
  if (!/\?$/.test(t) || wordCount(t) > 30) return false;
  return QUESTION_PREFIX.test(t) || (ASKS.test(t) && !/[.!]\s/.test(t));
}

function headingBlock(text: string, raw: string, line: number, level?: number, number?: string): TextBlock {
  const t = cleanInline(text).replace(QUESTION_PREFIX, '').replace(/\s*:-?$/, '');
  const block: TextBlock = { kind: 'heading', text: t, raw, line };
  if (level !== undefined) block.level = level;
  if (number) block.number = number;
  return block;
}
