// Tables in policy text: Markdown tables and tab-flattened rows (as a PDF or a copy from Word gives
// them). Each body row becomes one block whose text carries the column headings ("Activity: …"),
// with the row's own code (R1, A2, S3) as its number where the first column holds one.

import { cleanInline, wordCount } from './clean-text.js';

/** One table row, read. */
export interface TableRow {
  /** The row as a sentence or two, column headings carried in. */
  text: string;
  raw: string;
  line: number;
  /** The row's own code (R1, A2) when its first cell is one. */
  code?: string;
  /** The table's column headings, when it has a heading row. */
  columns?: string[];
  /** The table is a document-control box (owner, version, approved, review), not rules. */
  metadata?: boolean;
}

interface Line { text: string; no: number }

const MD_ROW = /^\s*\|.*\|\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const META_LABEL = /^(?:document (?:title|owner|status)|title|owner|version|status|author|policy (?:holder|owner|lead|number)|committee|approv|ratif|adopt|agreed|written by|(?:next |last )?review|signature|signed|date|effective|last updated|issued|purpose|lead|who this is for)/i;
/** A row's own code: letters then digits (R1, A2, S3); bare numbers would collide with section numbers. */
const CODE = /^[A-Z]{1,3}\d{1,3}[a-z]?$/;

/** "Situation | Permitted? | Clause": three or more cells split by spaced pipes, without the outer ones. */
const PIPE_ROW = /^[^|\t]+(?:\s\|\s[^|\t]*){2,}$/;

/** True for a line that is a table row: `| a | b |`, `a | b | c`, or two or more cells split by tabs. */
export function isTableLine(text: string): boolean {
  if (MD_ROW.test(text) || PIPE_ROW.test(text.trim())) return true;
  return text.includes('\t') && text.split('\t').filter((c) => /[A-Za-z0-9]/.test(c)).length >= 2;
}

/** Reads a run of table lines (at least two) into one row block per body row; undefined if it is no table. */
export function readTable(lines: Line[]): TableRow[] | undefined {
  const md = lines.every((l) => MD_ROW.test(l.text) || MD_SEPARATOR.test(l.text));
  const rows = lines
    .filter((l) => !MD_SEPARATOR.test(l.text))
    .map((l) => ({ line: l, cells: cellsOf(l.text, md) }));
  if (rows.length < 2 && !(md && rows.length >= 1)) return undefined;
  const explicitHead = md && lines.length > 1 && MD_SEPARATOR.test(lines[1]!.text);
  const head = explicitHead || looksLikeHeadingRow(rows.map((r) => r.cells)) ? rows[0]!.cells : undefined;
  const body = head ? rows.slice(1) : rows;
  const codeColumn = body.length > 0 && body.every((r) => CODE.test(r.cells[0] ?? '')) ? 0 : -1;
  const answers = answerColumn(rows.map((r) => r.cells), head, codeColumn);
  // A box of "Owner | …", "Approved on | …", "Review date | …" (labels, often with colons), or a
  // version history ("Version | Date | What changed"): who and when, read as metadata.
  const labels = rows.map((r) => r.cells[0] ?? '');
  const metadata = rows.filter((r) => r.cells.some((c) => META_LABEL.test(c))).length * 2 >= rows.length
    || labels.every((c) => /:$/.test(c) || META_LABEL.test(c))
    || (rows[0]!.cells.every((c) => wordCount(c) <= 4 && !/[.!?]$/.test(c)) && /^(?:version|date|revision|issue|amendment)s?\b/i.test(rows[0]!.cells[0] ?? ''));
  return body
    .filter((r) => r.cells.some((c) => /[A-Za-z]/.test(c)))
    .map((r) => {
      const row: TableRow = { text: answers >= 0 ? answeredRowText(r.cells, answers, codeColumn) : rowText(r.cells, head, codeColumn), raw: r.line.text, line: r.line.no };
      if (codeColumn === 0) row.code = r.cells[0]!;
      if (head) row.columns = head;
      if (metadata) row.metadata = true;
      return row;
    });
}

function cellsOf(text: string, md: boolean): string[] {
  const inner = md ? text.trim().replace(/^\|/, '').replace(/\|$/, '') : text;
  return inner.split(md || PIPE_ROW.test(text.trim()) ? '|' : '\t').map((c) => cleanInline(c));
}

/** A first row of short labels ("Code", "Do", "Not allowed") over rows of fuller text is the heading row. */
function looksLikeHeadingRow(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  const first = rows[0]!;
  // A short label, or a short question heading a yes/no column ("Permitted?").
  const label = (c: string): boolean => wordCount(c) <= 4 && !/[.!;:]$/.test(c);
  const fuller = rows.slice(1).some((r) => r.some((c) => wordCount(c) > 4 || /[.!?]$/.test(c)));
  return first.filter((c) => c).length >= 2 && first.every(label) && fuller;
}

/**
 * A column that answers each row yes or no ("Permitted?", or cells that open "Yes…"/"No…"): the
 * table is a set of worked examples, each a question and its answer. -1 when there is none.
 */
function answerColumn(rows: string[][], head: string[] | undefined, codeColumn: number): number {
  const body = head ? rows.slice(1) : rows;
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    if (i === codeColumn || i === 0) continue;
    const cells = body.map((r) => r[i] ?? '');
    const asks = head && /\?\s*$/.test(head[i] ?? '') && wordCount(head[i]!) <= 4;
    const yesNo = cells.filter((c) => /^(?:yes|no)\b/i.test(c)).length;
    if (body.length && (asks ? yesNo * 2 >= body.length : yesNo * 10 >= body.length * 8)) return i;
  }
  return -1;
}

/** "A pupil who turned 18 sends a friend request? No. 4.2.": the example asked, then its answer, then the rest. */
function answeredRowText(cells: string[], answers: number, codeColumn: number): string {
  const situation = cells.findIndex((c, i) => i !== codeColumn && i !== answers && c);
  const rest = cells.filter((c, i) => c && i !== codeColumn && i !== answers && i !== situation).map((c) => (/[.!?]$/.test(c) ? c : `${c}.`));
  const asked = situation >= 0 ? `${cells[situation]!.replace(/[.?!\s]+$/, '')}?` : '';
  const answer = cells[answers] ? (/[.!?]$/.test(cells[answers]!) ? cells[answers]! : `${cells[answers]}.`) : '';
  return [asked, answer, ...rest].filter(Boolean).join(' ');
}

/** "Activity: Friend requests from pupils. Rule: Staff must never…": each cell under its heading. */
function rowText(cells: string[], head: string[] | undefined, codeColumn: number): string {
  const parts: string[] = [];
  cells.forEach((c, i) => {
    if (i === codeColumn || !c) return;
    const heading = head?.[i]?.trim();
    const sentence = /[.!?]$/.test(c) ? c : `${c}.`;
    parts.push(heading ? `${heading}: ${sentence}` : sentence);
  });
  return parts.join(' ');
}
