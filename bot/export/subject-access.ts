// Subject access: every record that names, or was made by, one person, for the school's data
// protection officer. By platform id ("slack:U0123ABCD", or "U0123ABCD" on any platform), and
// optionally by the name written in reports, notes and outcomes ("Mr Smith").

import type { AuditEvent, Escalation } from '../escalations/model.js';
import { formatTime } from '../format-time.js';
import type { PersonRef, Platform } from '../people.js';
import type { Clock } from '../ports/clock.js';
import type { FeedbackRecord, Store } from '../ports/store.js';
import { categoryText } from '../escalations/escalation-replies.js';

export interface PersonQuery {
  platform?: Platform;
  userId: string;
  /** A name to find in the words of reports, notes and outcomes (whole words, any case). */
  name?: string;
}

export interface SubjectAccessEntry {
  ref: string;
  school: string;
  category: string;
  createdAt: string;
  status: string;
  /** How the record concerns the person: "made the report", "acknowledged it", "named in the description"… */
  how: string[];
}

export interface SubjectAccessReport {
  person: string;
  escalations: SubjectAccessEntry[];
  /** Questions they asked that they rated 👍/👎 (the only questions the assistant keeps). */
  questions: { at: string; school: string; question: string; helpful: boolean }[];
  /** Reports they have started and not sent. */
  reportsInProgress: string[];
  exportedAt: string;
}

const platforms: Platform[] = ['slack', 'teams', 'console'];

/** Parses "slack:U0123" or "U0123"; undefined for something that is no id. */
export function parsePersonId(raw: string): PersonQuery | undefined {
  const m = /^(?:(slack|teams|console):)?([\w.@:-]{1,200})$/i.exec(raw.trim());
  if (!m) return undefined;
  return { ...(m[1] ? { platform: m[1].toLowerCase() as Platform } : {}), userId: m[2] };
}

const isThem = (q: PersonQuery, p: PersonRef | 'system' | undefined) =>
  !!p && p !== 'system' && p.userId === q.userId && (!q.platform || p.platform === q.platform);

/** Finds every record about `q`, audits each escalation listed, and returns the report. */
export async function subjectAccess(deps: { store: Store; clock: Clock }, q: PersonQuery, by: PersonRef, schools: string[]): Promise<SubjectAccessReport> {
  const at = deps.clock.now().toISOString();
  const who = `${q.platform ? `${q.platform}:` : ''}${q.userId}${q.name ? ` ("${q.name}")` : ''}`;
  const escalations: SubjectAccessEntry[] = [];
  for (const e of await deps.store.listEscalations({ limit: 1_000_000 })) {
    const how = concerns(e, await deps.store.listAudit(e.ref), q);
    if (how.length === 0) continue;
    await deps.store.updateEscalation(e.ref, (cur) => ({ escalation: cur, audit: [{ at, actor: by, action: 'exported', detail: `listed in a subject access export for ${who}` }], deliveries: [] }));
    escalations.push({ ref: e.ref, school: e.school, category: categoryText(e.report), createdAt: e.createdAt, status: e.reduced ? 'resolved; reduced' : e.status, how });
  }
  const questions = (await deps.store.listFeedback(1_000_000))
    .filter((f: FeedbackRecord) => isThem(q, { platform: f.by.platform, userId: f.by.userId }))
    .map((f) => ({ at: f.at, school: f.school, question: f.question, helpful: f.helpful }))
    .reverse();
  const reportsInProgress: string[] = [];
  for (const school of schools) {
    for (const platform of q.platform ? [q.platform] : platforms) {
      const flow = await deps.store.getFlow(`report:${school}:${platform}:${q.userId}`);
      if (flow) reportsInProgress.push(`${school}: a report started ${formatTime(flow.updatedAt)} on ${platform}, not sent`);
    }
  }
  return { person: who, escalations: escalations.reverse(), questions, reportsInProgress, exportedAt: at };
}

/** The ways one escalation concerns the person. */
function concerns(e: Escalation, audit: AuditEvent[], q: PersonQuery): string[] {
  const how = new Set<string>();
  if (isThem(q, e.reporter)) how.add('made the report');
  for (const r of e.recipients) if (isThem(q, r.person)) how.add(`received it as ${r.role}`);
  if (isThem(q, e.acknowledgedBy)) how.add('acknowledged it');
  if (isThem(q, e.resolvedBy)) how.add('resolved it');
  if (isThem(q, e.safeguardingRecordedBy)) how.add('confirmed it recorded in the safeguarding system');
  if (e.notes.some((n) => isThem(q, n.by))) how.add('wrote a note');
  for (const a of audit) if (isThem(q, a.actor)) how.add(`in the audit trail (${a.action.replace(/-/g, ' ')})`);
  if (q.name) {
    // Whole words in any script ("Łukasz"): \b knows only ASCII letters.
    const escaped = q.name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const named = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    if (named.test(e.report.description)) how.add('named in the description');
    if (e.notes.some((n) => named.test(n.text))) how.add('named in a note');
    if (e.outcome && named.test(e.outcome)) how.add('named in the outcome');
  }
  return [...how];
}

/** The report as text for the data protection officer. */
export function subjectAccessText(r: SubjectAccessReport): string {
  const out = [`Subject access: records naming or made by ${r.person}`, `Exported ${formatTime(r.exportedAt)}. Each escalation listed has this export in its audit trail.`, ''];
  out.push(`== Escalations (${r.escalations.length}) ==`);
  for (const e of r.escalations) out.push(`- ${e.ref} (${e.school}) ${e.category}, ${formatTime(e.createdAt)}, ${e.status}: ${e.how.join('; ')}`);
  if (r.escalations.length === 0) out.push('None.');
  out.push('', `== Questions asked and rated (${r.questions.length}) ==`);
  for (const q of r.questions) out.push(`- ${formatTime(q.at)} (${q.school}) "${q.question}" rated ${q.helpful ? 'helpful' : 'not helpful'}`);
  if (r.questions.length === 0) out.push('None.');
  out.push('', '== Reports started and not sent ==', ...(r.reportsInProgress.length ? r.reportsInProgress.map((x) => `- ${x}`) : ['None.']));
  out.push('', `For any escalation's full record: npm run export -- <reference>`);
  return out.join('\n') + '\n';
}
