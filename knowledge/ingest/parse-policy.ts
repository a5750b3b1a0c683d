// Any policy text or Markdown → a Policy: clauses with stable ids, refs, effects and binds, the
// school's dates and contact, and what was set aside. The one entry point of the ingest.

import { createHash } from 'node:crypto';
import type { Clause, ClausePart, Party, Policy } from '../types.js';
import { PolicyError } from '../errors.js';
import { toLines } from './clean-text.js';
import { readBlocks, type TextBlock } from './read-blocks.js';
import { setAside, type SetAside } from './set-aside.js';
import { buildClauses, type ClauseDraft } from './build-clauses.js';
import { splitParts } from './split-parts.js';
import { readBinds, partiesIn } from './classify-binds.js';
import { readDates, reviewDueOf } from './policy-dates.js';
import { readSignatory } from './metadata-lines.js';
import { readContact } from './policy-contact.js';
import { shortNameOf } from './short-name.js';
import { organisationName } from './policy-title.js';

export interface PolicySource {
  school: string;
  name?: string;
  /** Where the text came from (a file path), for citations and the outline. */
  source: string;
  /** The policy body, without the front-matter header. */
  text: string;
  /** A title the document carries apart from its text (an HTML page's <title>). */
  title?: string;
  /** What the document reader already left out (menus, scripts), with why. */
  aside?: SetAside[];
}

/** Parses a policy; throws PolicyError('policy_empty') when no clause can be read from it. */
export function parsePolicy(src: PolicySource): Policy {
  if (!/[A-Za-z]{2,}/.test(src.text)) {
    throw new PolicyError('policy_empty', `The policy file for "${src.school}" has no text in it.`);
  }
  const { kept, aside } = setAside(readBlocks(toLines(src.text)));
  // A lone word under a heading is a stray cell, unless the policy numbers it ("7.12 Cyber-bullying;").
  const drafts = buildClauses(kept).filter((d) => /[A-Za-z]{3,}/.test(d.text) && (d.numbered || d.text.split(/\s+/).length >= 3));
  if (drafts.length === 0) {
    throw new PolicyError('policy_empty', `No clauses could be read from the policy file for "${src.school}".`);
  }
  const fallback = documentAudience(src.text);
  const ids = new Map<string, number>();
  const clauses = drafts.map((d) => toClause(src.school, d, fallback, ids));
  const name = src.name ?? nameOf(src, kept);
  const dates = readDates(src.text);
  const reviewDue = reviewDueOf(dates);
  const approvedBy = readSignatory(aside.filter((a) => /signat/.test(a.reason)).map((a) => a.text));
  return {
    school: {
      id: src.school,
      name,
      ...(shortNameOf(name) !== name ? { shortName: shortNameOf(name) } : {}),
      dates,
      contact: readContact(clauses.map((c) => c.text)),
      source: src.source,
      version: createHash('sha256').update(src.text).digest('hex').slice(0, 8),
      ...(reviewDue ? { reviewDue } : {}),
      ...(approvedBy ? { approvedBy } : {}),
    },
    clauses,
    setAside: [...(src.aside ?? []), ...aside],
  };
}

function toClause(school: string, d: ClauseDraft, fallback: Party[], ids: Map<string, number>): Clause {
  const heading = d.headingPath[d.headingPath.length - 1] ?? 'General';
  const key = d.section ?? slug(heading);
  const n = (ids.get(key) ?? 0) + 1;
  ids.set(key, n);
  const base = d.section ? `${school}-${d.section}` : `${school}-${key}-${n}`;
  const id = d.section && n > 1 ? `${base}-${n}` : base;
  const parts = splitParts(d.text, d.polarity);
  const main = parts.find((p) => p.effect !== 'informs') ?? parts[0]!;
  const clause: Clause = {
    id,
    school,
    ref: d.section ?? heading,
    headingPath: d.headingPath,
    heading,
    text: d.text,
    effect: main.effect,
    binds: bindsOf(parts, main.text, d, fallback),
    parts,
  };
  if (d.section) clause.section = d.section;
  if (main.permissionFrom) clause.permissionFrom = main.permissionFrom;
  if (d.leadIn) clause.leadIn = d.leadIn;
  return clause;
}

/** Everyone the clause's rules bind: the subjects of its normative parts, else its context. */
function bindsOf(parts: ClausePart[], mainText: string, d: ClauseDraft, fallback: Party[]): Party[] {
  const rules = parts.filter((p) => p.effect !== 'informs');
  const found = new Set<Party>();
  for (const p of rules.length ? rules : [{ text: mainText }]) for (const b of readBinds(p.text, d.leadIn, d.audience, fallback)) found.add(b);
  return [...found];
}

/** Whom the document speaks to when a clause names no one: parents for a parents' code, else staff. */
function documentAudience(text: string): Party[] {
  // The title block: the short lines before the first sentence of body text.
  const lines = text.split('\n').filter((l) => l.trim()).slice(0, 6);
  const body = lines.findIndex((l) => l.trim().split(/\s+/).length > 14);
  const head = lines.slice(0, body < 0 ? lines.length : Math.max(body, 1)).join(' ');
  const found = partiesIn(head.replace(/\bschool\b/gi, ''));
  if (/\bparents?'?\b|\bcarers?\b/i.test(head) && !/\bstaff\b/i.test(head)) return ['parents'];
  return found.includes('staff') || found.length === 0 ? ['staff'] : ['staff'];
}

/** The organisation from the document's title or first lines; else the first heading; else the id. */
function nameOf(src: PolicySource, kept: TextBlock[]): string {
  const early = kept.slice(0, 6).map((b) => b.raw);
  const heading = kept.find((b) => b.kind === 'heading')?.text;
  return organisationName([src.title, ...early]) ?? titleOf(heading) ?? src.school;
}

function titleOf(text: string | undefined): string | undefined {
  return text?.replace(/\s+(?:social (?:media|networking)|online safety|e-?safety).*$/i, '').trim() || undefined;
}

/** A heading as an id fragment: lower case, words joined by hyphens. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'general';
}
