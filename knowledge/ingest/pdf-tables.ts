// Table rows in a PDF's text layer: lines whose text sits in aligned columns become one row each,
// a cell's wrapped lines joined, whatever the vertical alignment of the cells. Other lines pass through.

/** A run of text on a line, set apart from the next by a wide gap. */
export interface Segment { x: number; end: number; text: string; parts: SegmentPart[] }
/** A piece of positioned text as the PDF gave it. */
export interface SegmentPart { x: number; end: number; str: string }
/** One baseline of a page. */
export interface PdfLine { y: number; size: number; segments: Segment[] }
/** A line of body text (one cell) or a table row (several). */
export interface Row { y: number; size: number; cells: string[] }

/** The page's lines as rows: table regions rebuilt cell by cell, the rest one row a line. */
export function columnsToRows(lines: PdfLine[]): Row[] {
  const leading = modal(lines.slice(1).map((l, i) => lines[i]!.y - l.y)) ?? 14;
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; ) {
    const region = lines[i]!.segments.length > 1 ? tableRegion(lines, i, leading) : undefined;
    if (region) {
      rows.push(...region.rows);
      i = region.next;
    } else {
      const l = lines[i++]!;
      rows.push({ y: l.y, size: l.size, cells: [l.segments.map((s) => s.text).join(' ')] });
    }
  }
  return rows;
}

function tableRegion(lines: PdfLine[], from: number, leading: number): { rows: Row[]; next: number } | undefined {
  const starts: number[] = [];
  let end = from;
  for (let j = from; j < lines.length; j++) {
    const l = lines[j]!;
    if (j > from && lines[j - 1]!.y - l.y > leading * 2.5) break;
    const cols = columnsOf(starts);
    if (l.segments.length === 1 && j > from && !fitsColumn(l.segments[0]!, cols) && splitAtColumns(l.segments[0]!, cols).length < 2) break;
    for (const s of l.segments) starts.push(s.x);
    end = j + 1;
  }
  const cols = columnsOf(starts);
  const region = lines.slice(from, end);
  if (cols.length < 2 || region.filter((l) => l.segments.length > 1).length < 2) return undefined;
  const groups: { y: number; size: number; parts: string[][] }[] = [];
  let prevY = Infinity;
  for (const l of region) {
    if (!groups.length || prevY - l.y > leading * 1.1) groups.push({ y: l.y, size: l.size, parts: cols.map(() => []) });
    for (const s of l.segments.flatMap((seg) => splitAtColumns(seg, cols))) groups[groups.length - 1]!.parts[columnOf(s.x, cols)]!.push(s.text);
    prevY = l.y;
  }
  const rows = groups.map((g) => ({ y: g.y, size: g.size, cells: g.parts.map((p) => p.join(' ').replace(/\s+/g, ' ').trim()) }));
  return { rows, next: end };
}

/** Column starts: x positions (within 4pt) where cells begin on at least two lines. */
function columnsOf(starts: number[]): number[] {
  const clusters: { x: number; n: number }[] = [];
  for (const x of [...starts].sort((a, b) => a - b)) {
    const c = clusters.find((k) => Math.abs(k.x - x) <= 4);
    if (c) c.n++;
    else clusters.push({ x, n: 1 });
  }
  const firm = clusters.filter((c) => c.n >= 2).map((c) => c.x);
  return firm.length >= 2 ? firm : clusters.map((c) => c.x);
}

function columnOf(x: number, cols: number[]): number {
  let k = 0;
  cols.forEach((c, i) => {
    if (c <= x + 4) k = i;
  });
  return k;
}

/** A cell whose text runs up to the next cell's reads as one segment: split it where a column starts. */
function splitAtColumns(seg: Segment, cols: number[]): { x: number; text: string }[] {
  const out: { x: number; parts: SegmentPart[] }[] = [];
  for (const p of seg.parts) {
    const last = out[out.length - 1];
    if (last && !cols.some((c) => Math.abs(c - p.x) <= 4)) last.parts.push(p);
    else out.push({ x: p.x, parts: [p] });
  }
  return out.map((o) => ({ x: o.x, text: o.parts.map((p) => p.str).join(' ').replace(/\s+/g, ' ').trim() }));
}

/** A lone segment belongs to the table when it starts in a column and does not run into the next one. */
function fitsColumn(s: Segment, cols: number[]): boolean {
  const k = cols.findIndex((c) => Math.abs(c - s.x) <= 4);
  if (k < 0) return cols.length > 1 && s.x > cols[0]! + 4;
  const next = cols[k + 1];
  return next === undefined || s.end <= next + 2;
}

/** The most common of the rounded positive values (the smaller on a tie). */
export function modal(values: number[]): number | undefined {
  const count = new Map<number, number>();
  for (const v of values.map(Math.round)) if (v > 0) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}
