// Exporting one escalation: from chat (heads, DSLs and the chair for reports about the head) or
// the command line. The export is written to the audit trail first, so the record carries it.

import type { BotContext } from '../bot-context.js';
import { checked, stripSchool, tell, type Via } from '../escalations/escalation-actions.js';
import type { Actor, BotResponse } from '../events.js';
import type { PersonRef } from '../people.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { Block, Reply } from '../reply.js';
import { blocksText } from '../report/report-flow.js';
import { safeguardingSystemName } from '../report/routing.js';
import { buildRecord, type EscalationRecord, type RecordContext } from './escalation-record.js';

export type ExportFormat = 'text' | 'json' | 'pdf';

/**
 * Audits the export of `ref` by `by` and builds its record; undefined when there is no such
 * escalation. `where` says how it left ("in chat", "as pdf from the command line").
 */
export async function exportRecord(
  deps: { store: Store; clock: Clock },
  ref: string,
  by: PersonRef,
  where: string,
  context: Omit<RecordContext, 'exportedAt' | 'exportedBy'>,
): Promise<EscalationRecord | undefined> {
  const at = deps.clock.now().toISOString();
  const audited = await deps.store.updateEscalation(ref, (e) => ({ escalation: e, audit: [{ at, actor: by, action: 'exported', detail: where }], deliveries: [] }));
  if (!audited) return undefined;
  const [audit, deliveries] = await Promise.all([deps.store.listAudit(ref), deps.store.listDeliveries(ref)]);
  return buildRecord(audited.escalation, audit, deliveries, { ...context, exportedAt: at, exportedBy: by });
}

/** `export ESC-…` in chat: the record as text, section by section, in the person's DM. */
export async function exportInChat(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<BotResponse> {
  const check = await checked(ctx, actor, ref, via);
  if (!check.ok) return check.response;
  const system = safeguardingSystemName(ctx.directory.people(actor.school));
  const schoolName = ctx.library.policy(actor.school)?.school.name ?? actor.school;
  const record = await exportRecord(ctx, ref, stripSchool(actor), 'as text, in chat', { schoolName, safeguardingSystem: system });
  if (!record) return tell(via, { text: `I can't find a report ${ref}.`, blocks: [{ kind: 'text', text: `I can't find a report ${ref}.` }] });
  return via === 'message' ? { replies: [recordReply(record, system)], direct: [] } : { replies: [], direct: [recordReply(record, system)] };
}

/** The record as a chat message: one block per section, so each can be copied on its own. */
export function recordReply(record: EscalationRecord, system: string): Reply {
  const blocks: Block[] = [
    { kind: 'heading', text: `Record of ${record.ref}, ready for ${system}` },
    { kind: 'text', text: `Exported by ${record.exportedBy}; the export is in the audit trail. For a PDF for the school's own file: npm run export -- ${record.ref} --format pdf` },
  ];
  for (const s of record.sections) {
    if (s.fields.length === 0 && !s.lines?.length) continue;
    blocks.push({ kind: 'heading', text: s.title });
    const lines = [...s.fields.map((f) => `${f.label}: ${f.value}`), ...(s.lines ?? []).map((l) => `- ${l}`)];
    blocks.push({ kind: 'text', text: lines.join('\n') });
  }
  return { text: blocksText(blocks), blocks, preview: `${record.ref}: the record is ready to copy` };
}
