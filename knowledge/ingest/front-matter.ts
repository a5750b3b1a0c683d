// The small header a policy file starts with: which school it is and the organisation's name.
// Everything after the header is the policy text exactly as the school gave it.

export interface FrontMatter {
  school?: string;
  name?: string;
  [key: string]: string | undefined;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---\nschool: id\nname: …\n---` off the top of a policy file. */
export function readFrontMatter(source: string): { meta: FrontMatter; body: string } {
  const text = source.replace(/^\uFEFF/, '');
  const m = FENCE.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: FrontMatter = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) meta[kv[1]!.toLowerCase()] = unquote(kv[2]!);
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Puts the header back on a policy body (the ingest command writes files this way). */
export function writeFrontMatter(meta: { school: string; name: string }, body: string): string {
  return `---\nschool: ${meta.school}\nname: ${meta.name}\n---\n${body}`;
}

function unquote(v: string): string {
  const q = /^(["'])(.*)\1$/.exec(v);
  return q ? q[2]! : v;
}
