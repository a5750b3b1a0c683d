// The report as one form (Slack modal, Teams Adaptive Card), built from the same steps as the
// conversation, with the safety advice every reporter must see before they start.

import type { Block, FormField, FormSpec } from '../reply.js';
import { reportSteps, type ReportStep } from './report-steps.js';
import { imageryWarning } from './routing.js';

const fieldKind: Record<ReportStep['kind'], FormField['kind']> = {
  choice: 'select',
  text: 'text',
  url: 'url',
  datetime: 'datetime',
  textarea: 'textarea',
};

/** The report form; `values` prefill it (e.g. the description typed in a message). */
export function reportForm(values?: Record<string, string>, intro: Block[] = []): FormSpec {
  return {
    id: 'report',
    title: 'Report a post',
    submitLabel: 'Send to the head',
    fields: reportSteps.map((s) => ({
      name: s.name,
      label: s.label,
      kind: fieldKind[s.kind],
      required: s.required,
      ...(s.options ? { options: s.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
      ...(s.hint ? { hint: s.hint } : {}),
      maxLength: s.maxLength,
    })),
    ...(values && Object.keys(values).length ? { values } : {}),
    intro: [
      { kind: 'text', text: 'Text and links only: never upload or attach images.' },
      { kind: 'text', text: `If it is sexual content involving a child: ${imageryWarning}`, tone: 'urgent' },
      ...intro,
    ],
  };
}

/** A short form asking for one text (a note, or the outcome of a resolution). */
export function escalationTextForm(id: 'escalation.note' | 'escalation.resolve', ref: string): FormSpec {
  const note = id === 'escalation.note';
  return {
    id,
    title: note ? `Add a note to ${ref}` : `Resolve ${ref}`,
    submitLabel: note ? 'Add note' : 'Resolve',
    fields: [
      {
        name: note ? 'note' : 'outcome',
        label: note ? 'Note' : 'Outcome (what was done, and why)',
        kind: 'textarea',
        required: true,
        maxLength: 3000,
      },
    ],
    context: { ref },
  };
}
