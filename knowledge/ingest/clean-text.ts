// Cleans extraction and formatting artefacts out of policy text: bold marks, HTML left by
// converters, Markdown links, footnote asterisks, odd spaces. Wording is never changed.

/** Inline clean-up of one line or clause: formatting marks removed, spaces collapsed. */
export function cleanInline(text: string): string {
  return text
    .replace(/<input[^>]*>/gi, ' ')
    .replace(/<\/?(?:u|b|i|em|strong|span|br|p|div|sup|sub)\b[^>]*>/gi, '')
    .replace(/\[([^\]]+)\]\((?:https?:|mailto:|\/|#)[^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    // Emphasis and footnote asterisks ("everyone*", "*unless authorised*"): formatting, not words.
    .replace(/(^|[\s(\[])\*(?=\S)/g, '$1')
    .replace(/(\S)\*(?=[\s,.;:)\]]|$)/g, '$1')
    .replace(/[\u00A0\u2007\u202F\t]+/g, ' ')
    .replace(/[\u200B-\u200D]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Lines of a document with line endings and invisible characters normalised. */
export function toLines(body: string): string[] {
  return body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, '').replace(LEADING_MARK_TAB, '$1 '));
}

/** "1.1<TAB>Text", "(a)<TAB>Text", "•<TAB>Text": Word puts a tab after a list number; it is a space, not a table cell. */
const LEADING_MARK_TAB = /^(\s*(?:\d+(?:\.\d+)*\.?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,4}\)|[a-zA-Z]\.|[-•*·–o▪]))\t+/;

/** True when a buffer holds something other than text (NUL bytes or many control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  if (n > 0 && odd / n > 0.05) return true;
  // Invalid UTF-8 in bulk (a PDF, a Word file) is binary for our purposes.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, n));
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return n > 0 && bad / n > 0.02;
}

/** Word count, for the layout heuristics. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
