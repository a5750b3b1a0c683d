// HTML (a page saved from a school website, or a Word file converted by mammoth) → policy text in
// the Markdown the block reader knows: headings as `#`, list items as `-`/`1.`/`a.`, tables as
// Markdown tables. Menus, cookie banners, scripts, headers and footers are set aside, with why.

import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { SetAside } from './set-aside.js';

export interface HtmlText {
  text: string;
  /** The page's <title>, when it has one. */
  title?: string;
  /** What was left out as page furniture, with why. */
  aside: SetAside[];
}

const DROP: Record<string, string> = {
  script: 'script', style: 'style sheet', noscript: 'script', template: 'script', svg: 'image', iframe: 'embedded frame',
  object: 'embedded frame', button: 'web-page furniture', select: 'web-page furniture', form: 'web-page form',
  nav: 'navigation menu', header: 'page header', footer: 'page footer', aside: 'sidebar',
};
const ROLES: Record<string, string> = { navigation: 'navigation menu', banner: 'page header', contentinfo: 'page footer', search: 'search box', complementary: 'sidebar' };
const FURNITURE: [RegExp, string][] = [
  [/cookie|consent|gdpr/i, 'cookie banner'],
  [/breadcrumb/i, 'breadcrumbs'],
  [/^(?:nav|navbar|navigation|menu|main-menu|site-nav|site-menu|mega-menu)$/i, 'navigation menu'],
  [/^(?:site-header|masthead)$/i, 'page header'],
  [/^(?:footer|site-footer|page-footer)$/i, 'page footer'],
  [/^(?:share|sharing|social-share|share-links|skip-link|skip-links|sidebar|related)$/i, 'web-page furniture'],
];
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'body', 'blockquote', 'dd', 'dt', 'figure', 'figcaption', 'address', 'center', 'pre']);

/** Reads an HTML document into policy text. */
export function readHtml(html: string): HtmlText {
  const doc = parseDocument(html, { decodeEntities: true });
  const aside: SetAside[] = [];
  const title = textOf(findAll(doc.children, (e) => e.name === 'title')[0]).trim() || undefined;
  const body = findAll(doc.children, (e) => e.name === 'body')[0];
  let root: AnyNode[] = body ? body.children : doc.children;
  // A page with a main content area: everything outside it is site furniture.
  const main = findAll(root, (e) => e.name === 'main' || e.attribs.role === 'main')[0] ?? findAll(root, (e) => e.name === 'article')[0];
  if (main && textOf(main).trim().length > 200) {
    noteFurniture(root, main, aside);
    root = [main];
  }
  const out: string[] = [];
  new Writer(out, aside).nodes(root, 0);
  const text = out.join('\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: text ? `${text}\n` : '', ...(title ? { title } : {}), aside };
}

class Writer {
  constructor(private out: string[], private aside: SetAside[]) {}

  nodes(nodes: AnyNode[], depth: number): void {
    let inline = '';
    const flush = (): void => {
      const t = squash(inline);
      if (t) this.out.push('', t, '');
      inline = '';
    };
    for (const n of nodes) {
      if (n.type === 'text') inline += (n as unknown as { data: string }).data;
      else if (isElement(n)) {
        const why = dropReason(n);
        if (why) {
          const t = squash(textOf(n));
          if (t && !/^(?:script|style sheet)$/.test(why)) this.aside.push({ text: t.slice(0, 300), reason: why });
          else if (why === 'script') this.aside.push({ text: `<${n.name}>`, reason: 'script (never run or read)' });
          continue;
        }
        if (n.name === 'br') inline += '\n';
        else if (isBlock(n)) {
          flush();
          this.block(n, depth);
        } else inline += this.inline(n);
      }
    }
    flush();
  }

  private block(e: Element, depth: number): void {
    const h = /^h([1-6])$/.exec(e.name);
    if (h) return void this.out.push('', `${'#'.repeat(Number(h[1]))} ${squash(textOf(e))}`, '');
    if (e.name === 'ul' || e.name === 'ol') return this.list(e, depth);
    if (e.name === 'table') return this.table(e);
    if (e.name === 'hr') return;
    // A paragraph in bold only is a heading in all but name (Word and web pages both do this).
    const kids = e.children.filter((c) => !(c.type === 'text' && !(c as unknown as { data: string }).data.trim()));
    if (e.name === 'p' && kids.length === 1 && isElement(kids[0]!) && /^(?:strong|b)$/.test(kids[0].name)) {
      const t = squash(textOf(e));
      if (t) this.out.push('', `**${t}**`, '');
      return;
    }
    this.nodes(e.children, depth);
  }

  private list(e: Element, depth: number): void {
    const ordered = e.name === 'ol';
    // Word's multilevel lists (which mammoth gives without their format) go 1., a., i. by depth.
    const type = e.attribs.type ?? (['1', 'a', 'i'] as const)[depth % 3]!;
    let n = Number(e.attribs.start ?? 1) || 1;
    // A nested list stays in its parent's block: no blank line around it.
    if (depth === 0) this.out.push('');
    for (const li of e.children.filter(isElement).filter((c) => c.name === 'li')) {
      const label = ordered ? `${listLabel(n++, type)}.` : '-';
      const nested = li.children.filter((c) => isElement(c) && (c.name === 'ul' || c.name === 'ol')) as Element[];
      const own = li.children.filter((c) => !nested.includes(c as Element));
      const text = squash(own.map((c) => (isElement(c) ? (isBlock(c) ? ` ${textOf(c)} ` : this.inline(c)) : (c as unknown as { data: string }).data ?? '')).join(''));
      if (text) this.out.push(`${'  '.repeat(depth)}${label} ${text}`);
      for (const sub of nested) this.list(sub, depth + 1);
    }
    if (depth === 0) this.out.push('');
  }

  private table(e: Element): void {
    const rows = findAll(e.children, (x) => x.name === 'tr').map((tr) => ({
      head: tr.children.filter(isElement).every((c) => c.name === 'th') || tr.parent?.type === 'tag' && (tr.parent as Element).name === 'thead',
      cells: tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th').map((c) => squash(textOf(c)).replace(/\|/g, '/')),
    })).filter((r) => r.cells.some((c) => c));
    if (!rows.length) return;
    this.out.push('');
    const width = Math.max(...rows.map((r) => r.cells.length));
    const line = (cells: string[]): string => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
    rows.forEach((r, i) => {
      this.out.push(line(r.cells));
      if (i === 0 && r.head) this.out.push(`|${' --- |'.repeat(width)}`);
    });
    this.out.push('');
  }

  private inline(e: Element): string {
    if (dropReason(e)) return '';
    if (e.name === 'br') return '\n';
    return e.children.map((c) => (isElement(c) ? this.inline(c) : (c as unknown as { data?: string }).data ?? '')).join('');
  }
}

/** What lay outside the page's main content, set aside with why (menus, banners, footers). */
function noteFurniture(nodes: AnyNode[], main: Element, aside: SetAside[]): void {
  for (const n of nodes) {
    if (!isElement(n) || n === main) continue;
    const t = squash(textOf(n));
    if (findAll([n], (e) => e === main).length) noteFurniture(n.children, main, aside);
    else if (t) aside.push({ text: t.slice(0, 300), reason: dropReason(n) ?? 'outside the page\'s main content' });
  }
}

function listLabel(n: number, type: string): string {
  if (type === 'a' || type === 'A') {
    const s = String.fromCharCode(96 + ((n - 1) % 26) + 1);
    return type === 'A' ? s.toUpperCase() : s;
  }
  if (type === 'i' || type === 'I') {
    const r = roman(n);
    return type === 'I' ? r.toUpperCase() : r;
  }
  return String(n);
}

function roman(n: number): string {
  const table: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function dropReason(e: Element): string | undefined {
  if (DROP[e.name] && Object.hasOwn(DROP, e.name)) return DROP[e.name];
  const role = e.attribs.role;
  if (role && Object.hasOwn(ROLES, role)) return ROLES[role];
  if (e.attribs.hidden !== undefined || e.attribs['aria-hidden'] === 'true') return 'hidden element';
  const tokens = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`.split(/\s+/).filter(Boolean);
  for (const [re, why] of FURNITURE) if (tokens.some((t) => re.test(t))) return why;
  return undefined;
}

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function isBlock(e: Element): boolean {
  return BLOCK.has(e.name) || /^h[1-6]$/.test(e.name) || ['ul', 'ol', 'table', 'hr', 'li'].includes(e.name);
}

function findAll(nodes: AnyNode[], test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (list: AnyNode[]): void => {
    for (const n of list) {
      if (!isElement(n)) continue;
      if (test(n)) found.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return found;
}

function textOf(n: AnyNode | undefined): string {
  if (!n) return '';
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isElement(n) || n.type === 'script' || n.type === 'style') return '';
  if (n.name === 'br') return '\n';
  const inner = n.children.map(textOf).join('');
  return isBlock(n) ? ` ${inner} ` : inner;
}

function squash(s: string): string {
  return s.replace(/[ \t\r\u00A0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}
