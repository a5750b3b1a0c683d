// A PDF's text layer → policy text: lines rebuilt from positioned text, larger type as headings,
// page headers, footers and page numbers removed, hyphenated words and page-break splits rejoined,
// table rows kept as tab-separated cells. Pure: bytes in, text out (the parsing is pdf.js, via unpdf).

import { PolicyError } from '../errors.js';
import { columnsToRows, modal, type PdfLine, type Segment } from './pdf-tables.js';

type LineDraft = { y: number; size: number; items: Item[] };

interface Item { str: string; x: number; y: number; w: number; h: number }
interface Page { lines: PdfLine[]; height: number }

/** Reads a PDF's text; refuses password-protected, broken and scanned (image-only) files in one sentence. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<string> {
  const pages = await readPages(bytes, name);
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + lineText(l).replace(/\s/g, '').length, 0), 0);
  if (chars < 40) {
    throw new PolicyError('policy_unreadable', `${name} has no text layer (it looks like a scanned image): export it from the original document, or run it through OCR, and try again.`);
  }
  dropRunningLines(pages);
  return render(pages);
}

async function readPages(bytes: Uint8Array, name: string): Promise<Page[]> {
  // Loaded on first use: pdf.js is large, and only an ingest of a PDF needs it (not every start).
  const { getDocumentProxy } = await import('unpdf');
  let doc;
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, disableFontFace: true, useSystemFonts: false });
  } catch (cause) {
    const why = (cause as Error)?.name === 'PasswordException'
      ? 'is password-protected: save an unprotected copy and try again'
      : 'cannot be read as a PDF (it may be damaged)';
    throw new PolicyError('policy_unreadable', `${name} ${why}.`, { cause });
  }
  const pages: Page[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as { str?: string; transform?: number[]; width?: number; height?: number }[])
        .filter((i) => typeof i.str === 'string' && i.transform)
        .map((i) => ({ str: i.str!, x: i.transform![4]!, y: i.transform![5]!, w: i.width ?? 0, h: i.height ?? 0 }));
      pages.push({ lines: toLines(items), height: page.getViewport({ scale: 1 }).height });
    }
  } finally {
    await doc.cleanup();
  }
  return pages;
}

/** Items on one baseline (within 2pt) form a line; a wide gap between them starts a new segment (a table cell). */
function toLines(items: Item[]): PdfLine[] {
  const text = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const drafts: LineDraft[] = [];
  for (const it of text) {
    const line = drafts.find((l) => Math.abs(l.y - it.y) <= 2);
    if (line) line.items.push(it);
    else drafts.push({ y: it.y, size: it.h, items: [it] });
  }
  return drafts
    .map((l) => {
      const size = Math.max(...l.items.map((i) => i.h));
      return { y: l.y, size, segments: segmentsOf(l.items.sort((a, b) => a.x - b.x), size) };
    })
    .sort((a, b) => b.y - a.y);
}

function segmentsOf(items: Item[], size: number): Segment[] {
  const segs: Segment[] = [];
  for (const it of items) {
    const last = segs[segs.length - 1];
    const part = { x: it.x, end: it.x + it.w, str: it.str };
    // A bullet or list label set apart from its text still belongs to it.
    if (last && (it.x - last.end < Math.max(12, 1.5 * size) || LABEL.test(last.text.trim()))) {
      const spaced = it.x - last.end > 0.15 * size && !/\s$/.test(last.text) && !/^\s/.test(it.str);
      last.text += (spaced ? ' ' : '') + it.str;
      last.end = Math.max(last.end, part.end);
      last.parts.push(part);
    } else segs.push({ x: it.x, end: part.end, text: it.str, parts: [part] });
  }
  for (const s of segs) s.text = s.text.replace(/\s+/g, ' ').trim();
  return segs;
}

const LABEL = /^(?:[-•▪●◦‣·–]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)])$/;
const lineText = (l: PdfLine): string => l.segments.map((s) => s.text).join('\t');
const shape = (t: string): string => t.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
const PAGE_NUMBER = /^(?:page\s*)?#(?:\s*(?:of|\/)\s*#)?$|^[-–—]\s*#\s*[-–—]$/;

/** Headers and footers: lines in the top or bottom tenth that repeat across pages, and page numbers. */
function dropRunningLines(pages: Page[]): void {
  const margin = (p: Page, l: PdfLine): boolean => l.y > p.height * 0.9 || l.y < p.height * 0.1;
  const seen = new Map<string, number>();
  for (const p of pages) {
    for (const s of new Set(p.lines.filter((l) => margin(p, l)).map((l) => shape(lineText(l))))) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  const repeats = (s: string): boolean => pages.length > 1 && (seen.get(s) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  for (const p of pages) {
    p.lines = p.lines.filter((l) => {
      if (!margin(p, l)) return true;
      const s = shape(lineText(l));
      return !(PAGE_NUMBER.test(s) || repeats(s) || /(?:^|\s)page #(?: of #)?$/.test(s));
    });
  }
}

/** The pages as text: paragraphs split on wider gaps, headings by size, rows of cells joined by tabs. */
function render(pages: Page[]): string {
  const all = pages.flatMap((p) => p.lines);
  const body = modalSize(all);
  const sizes = [...new Set(all.map((l) => Math.round(l.size)).filter((s) => s > body * 1.15))].sort((a, b) => b - a);
  const paged = pages.map((p) => columnsToRows(p.lines));
  // The body's line spacing: gaps between consecutive one-cell lines of body type.
  const gaps = paged.flatMap((rows) => rows.slice(1).filter((r, i) => r.cells.length === 1 && rows[i]!.cells.length === 1 && Math.round(r.size) === body).map((r, i) => rows[i]!.y - r.y));
  const leading = modal(gaps) ?? body * 1.2;
  const out: string[] = [];
  for (const rows of paged) {
    rows.forEach((r, i) => {
      const prev = rows[i - 1];
      const rank = sizes.indexOf(Math.round(r.size));
      if (rank >= 0 && r.cells.length === 1) {
        // A heading wrapped over two lines is one heading.
        const k = out.length - 2;
        if (prev && out[k]?.startsWith('#') && Math.round(prev.size) === Math.round(r.size) && prev.y - r.y < r.size * 1.6) out[k] = `${out[k]} ${r.cells[0]}`;
        else out.push('', `${'#'.repeat(Math.min(rank + 1, 3))} ${r.cells[0]}`, '');
        return;
      }
      if (prev && (prev.y - r.y > leading * 1.45 || (r.cells.length > 1) !== (prev.cells.length > 1))) out.push('');
      out.push(r.cells.join('\t'));
    });
    out.push('\f');
  }
  return joinAcrossBreaks(out).join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** Rejoins words hyphenated at a line end and sentences cut by a page break. */
function joinAcrossBreaks(lines: string[]): string[] {
  const text = lines.join('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (line === '\f') {
      out.push('\f');
      continue;
    }
    let i = out.length - 1;
    while (i >= 0 && (out[i] === '\f' || out[i] === '')) i--;
    const brokePage = out.slice(i + 1).includes('\f');
    const prev = out[i];
    if (prev !== undefined && line !== '' && !line.includes('\t') && !prev.includes('\t')) {
      const hyphen = /(\p{L})[-\u00AD]$/u.test(prev) && /^\p{Ll}/u.test(line) && (i === out.length - 1 || brokePage);
      if (hyphen) {
        const [word] = /\S+$/.exec(prev)!;
        const next = /^\S+/.exec(line)![0];
        const keep = prev.endsWith('-') && text.includes(`${word}${next}`.replace(/[.,;:]$/, ''));
        out.splice(i + 1);
        out[i] = `${prev.slice(0, keep ? undefined : -1)}${line}`;
        continue;
      }
      // A page break in mid-sentence: the next page goes on in lower case.
      if (brokePage && !/[.!?:;]$/.test(prev) && !prev.startsWith('#') && /^\p{Ll}/u.test(line)) {
        out.splice(i + 1);
        out.push(line);
        continue;
      }
    }
    out.push(line);
  }
  return out.filter((l) => l !== '\f');
}

function modalSize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size), (weight.get(Math.round(l.size)) ?? 0) + lineText(l).length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}
