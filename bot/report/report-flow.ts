// The report as a typed conversation: one question at a time, with back, cancel and "start again"
// anywhere. Pure: takes the saved state and an answer, returns the next state and what to say.

import type { ReportFields } from '../escalations/model.js';
import type { Block, Reply } from '../reply.js';
import { readAnswer } from './read-answer.js';
import { allegationNoted, isAllegation } from './allegation.js';
import { allegationAboutQuestion, optionLabel, reportSteps, sexualEvidenceQuestion } from './report-steps.js';
import { toFields } from './validate-report.js';

/** What is saved in the store between answers (so a flow survives a restart). */
export interface FlowState {
  v: 1;
  school: string;
  /** Index into reportSteps; reportSteps.length means "check and send". */
  step: number;
  values: Record<string, string>;
  startedAt: string;
}

export type FlowOutcome =
  | { kind: 'ask'; state: FlowState; notices: string[] }
  | { kind: 'cancelled' }
  | { kind: 'submit'; state: FlowState; fields: ReportFields };

const sendWords = new Set(['send', 'yes', 'y', 'submit', 'confirm', 'ok', 'send it', '1']);

export function startFlow(school: string, now: Date): FlowState {
  return { v: 1, school, step: 0, values: {}, startedAt: now.toISOString() };
}

/** True for a saved value that is a flow state this code understands. */
export function isFlowState(value: unknown): value is FlowState {
  const s = value as FlowState | undefined;
  return !!s && s.v === 1 && typeof s.step === 'number' && typeof s.values === 'object';
}

/** Recognises the words that steer the flow itself. */
export function flowCommand(text: string): 'cancel' | 'back' | 'restart' | undefined {
  const t = text.trim().toLowerCase().replace(/[.!]+$/, '');
  if (['cancel', 'stop', 'quit', 'abandon', 'cancel report'].includes(t)) return 'cancel';
  if (['back', 'go back', 'previous', 'undo'].includes(t)) return 'back';
  if (['start again', 'restart', 'start over', 'begin again'].includes(t)) return 'restart';
  return undefined;
}

/** Applies one typed answer (or steering word) to the flow; `now` anchors dates such as "yesterday". */
export function answerFlow(state: FlowState, text: string, now: Date): FlowOutcome {
  const command = flowCommand(text);
  if (command === 'cancel') return { kind: 'cancelled' };
  if (command === 'restart') return { kind: 'ask', state: { ...state, step: 0, values: {} }, notices: ['Starting again.'] };
  if (command === 'back') return goBack(state);
  if (state.step >= reportSteps.length) {
    if (sendWords.has(text.trim().toLowerCase())) return { kind: 'submit', state, fields: toFields(state.values) };
    return { kind: 'ask', state, notices: ["Type 'send' to send the report, 'back' to change the last answer, or 'cancel'."] };
  }
  const reading = readAnswer(reportSteps[state.step], state.values, text, now);
  const values = { ...state.values, ...reading.values };
  const adult = reading.values.adultConcern;
  const implied = adult === 'yes' || adult === 'unsure' ? [allegationNoted] : [];
  const notices = [...reading.notices, ...implied, ...(reading.error ? [reading.error] : [])];
  // Questions already answered on the way (a link given with the place) are not asked again.
  const step = reading.error ? state.step : nextUnanswered(values, state.step + 1);
  return { kind: 'ask', state: { ...state, step, values }, notices };
}

/** The first question from `from` on that has no answer yet; reportSteps.length when all have. */
export function nextUnanswered(values: Record<string, string>, from: number): number {
  for (let i = from; i < reportSteps.length; i++) if (values[reportSteps[i].name] === undefined) return i;
  return reportSteps.length;
}

/** One question back: its answer is cleared and asked again. */
function goBack(state: FlowState): FlowOutcome {
  if (state.step === 0) return { kind: 'ask', state, notices: ['This is the first question.'] };
  const step = state.step - 1;
  const values = { ...state.values };
  const name = reportSteps[step].name;
  delete values[name];
  if (name === 'seenAt') {
    delete values.seenAtShown;
    delete values.seenAtAsTyped;
  }
  return { kind: 'ask', state: { ...state, step, values }, notices: ['Going back one question.'] };
}

/** The question for the current step (or the check-and-send summary), as a reply. */
export function stepReply(state: FlowState, before: Block[] = []): Reply {
  const total = reportSteps.length;
  if (state.step >= total) return summaryReply(state, before);
  const step = reportSteps[state.step];
  const question =
    step.name === 'evidenceKept' && state.values.category === 'sexual'
      ? sexualEvidenceQuestion
      : step.name === 'about' && isAllegation(state.values as Partial<ReportFields>)
        ? allegationAboutQuestion
        : step.question;
  const blocks: Block[] = [...before, { kind: 'heading', text: `Report a post: question ${state.step + 1} of ${total}` }, { kind: 'text', text: question }];
  if (step.options) blocks.push({ kind: 'text', text: step.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n') });
  const hint = [step.hint, step.options ? 'Type a number or the words.' : undefined, "Type 'back', 'cancel' or 'start again' at any time."]
    .filter(Boolean)
    .join(' ');
  blocks.push({ kind: 'text', text: hint });
  return { text: blocksText(blocks), blocks };
}

function summaryReply(state: FlowState, before: Block[]): Reply {
  const fields = reportSteps.map((s) => ({
    label: s.label,
    value: s.options ? optionLabel(s.name, state.values[s.name]) : s.name === 'seenAt' ? (state.values.seenAtShown ?? state.values.seenAt ?? '—') : state.values[s.name] || '—',
  }));
  const blocks: Block[] = [
    ...before,
    { kind: 'heading', text: 'Check your report' },
    { kind: 'fields', fields },
    { kind: 'text', text: "Type 'send' to send it now, 'back' to change the last answer, or 'cancel'." },
  ];
  return { text: blocksText(blocks), blocks };
}

/** Plain-text fallback for a list of blocks. */
export function blocksText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'text' || b.kind === 'heading') lines.push(b.text);
    else if (b.kind === 'quote') lines.push(`"${b.text}" (${b.citation.schoolName} ${b.citation.ref})`);
    else if (b.kind === 'fields') lines.push(...b.fields.map((f) => `${f.label}: ${f.value}`));
    else if (b.kind === 'verdict') lines.push(b.headline);
    else if (b.kind === 'actions') lines.push(b.actions.map((a) => `[${a.label}]`).join(' '));
    else if (b.kind === 'related') lines.push(`${b.title}: ${b.items.map((i) => `${i.citation.ref} ${i.summary}`).join('; ')}`);
  }
  return lines.join('\n') || ' ';
}
