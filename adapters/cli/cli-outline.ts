// The outline `npm run ingest` prints: what the ingest understood of a policy (sections with their
// clause counts, effects, dates, contact) and what it set aside, so a school can check it at a glance.

import type { Effect, Policy } from '../../knowledge/types.js';
import { formatDate } from '../../bot/format-time.js';

/** A human-readable outline of an ingested policy. */
export function policyOutline(p: Policy): string {
  const lines: string[] = [];
  lines.push(`${p.school.name} (${p.school.id}): ${p.clauses.length} clause${p.clauses.length === 1 ? '' : 's'} from ${p.school.source}${p.school.version ? ` (version ${p.school.version})` : ''}`);
  if (p.school.dates.length) lines.push(`Dates: ${p.school.dates.map((d) => `${d.label} ${d.value}`).join('; ')}`);
  lines.push(`Review due: ${p.school.reviewDue ? formatDate(p.school.reviewDue) : 'the policy gives no review date'}`);
  if (p.school.approvedBy) lines.push(`Signed: ${p.school.approvedBy}`);
  lines.push(`Who to ask: ${p.school.contact}`);
  const effects = new Map<Effect, number>();
  for (const c of p.clauses) effects.set(c.effect, (effects.get(c.effect) ?? 0) + 1);
  lines.push(`What the clauses do: ${[...effects].map(([e, n]) => `${n} ${e}`).join(', ')}`);
  lines.push('Sections:');
  const sections = new Map<string, { refs: string[]; n: number }>();
  for (const c of p.clauses) {
    const key = c.headingPath.join(' > ') || '(no heading)';
    const s = sections.get(key) ?? { refs: [], n: 0 };
    s.n++;
    if (c.section && !s.refs.includes(c.section)) s.refs.push(c.section);
    sections.set(key, s);
  }
  for (const [path, s] of sections) {
    const refs = s.refs.length ? ` [${s.refs.length > 4 ? `${s.refs[0]}–${s.refs[s.refs.length - 1]}` : s.refs.join(', ')}]` : '';
    lines.push(`  ${path}${refs}: ${s.n} clause${s.n === 1 ? '' : 's'}`);
  }
  if (p.setAside.length) {
    lines.push(`Set aside (${p.setAside.length}):`);
    const byReason = new Map<string, string[]>();
    for (const a of p.setAside) byReason.set(a.reason, [...(byReason.get(a.reason) ?? []), a.text]);
    for (const [reason, texts] of byReason) {
      const sample = texts[0]!.replace(/\s+/g, ' ').slice(0, 60);
      lines.push(`  ${reason}: ${texts.length} block${texts.length === 1 ? '' : 's'} (e.g. "${sample}")`);
    }
  } else lines.push('Set aside: nothing');
  return lines.join('\n');
}
