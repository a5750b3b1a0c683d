// The platform-neutral reply: what the core says, as plain data. Slack draws it as Block Kit,
// Teams as an Adaptive Card, the terminal chat as text. All strings are plain text as the user
// or the policy wrote them: renderers escape them for their own markup.

import type { AskReason } from './head-questions/model.js';
import type { Platform } from './people.js';

/** What the school's policy says about the thing asked. */
export type Verdict = 'yes' | 'no' | 'permission' | 'caution' | 'must' | 'info' | 'unknown';

/** Where a quoted clause stands: enough to cite it and to fetch it again by id. */
export interface Citation {
  clauseId: string;
  school: string;
  schoolName: string;
  /** Section number where the policy numbers it ("3.1"), else its heading. */
  ref: string;
  heading: string;
}

/** Something the user can press. Platforms carry `action` in the button's value, never its label. */
export interface Button {
  label: string;
  action: Action;
  style?: 'primary' | 'danger';
}

/** Every action a button can carry; adapters serialise it as JSON. */
export type Action =
  /** A suggested question pressed: answered as if typed. */
  | { type: 'ask'; question: string }
  | { type: 'ask.choose'; clauseId: string; question: string }
  | {
      type: 'feedback';
      answerId: string;
      helpful: boolean;
      /** What was asked (capped), so feedback needs no memory of the answer. */
      question?: string;
      verdict?: string;
      clauseIds?: string[];
    }
  | { type: 'report.start'; description?: string }
  | { type: 'report.cancel' }
  | { type: 'escalation.show'; ref: string }
  | { type: 'escalation.ack'; ref: string }
  | { type: 'escalation.note'; ref: string; note?: string }
  | { type: 'escalation.resolve'; ref: string; outcome?: string }
  /** The DSL confirms a child-protection concern is recorded in the school's safeguarding system. */
  | { type: 'escalation.recorded'; ref: string }
  /** The installer of a workspace no school serves yet chose its school. */
  | { type: 'workspace.choose'; school: string }
  /** A head confirmed (or refused) a workspace's request to use their school's policy. */
  | { type: 'workspace.decide'; platform: Platform; tenant: string; request: string; approve: boolean }
  /** Staff send a question to the head ("Ask the head"), carrying what the policy answered. */
  | { type: 'head.ask'; question: string; reason: AskReason; verdict?: string; clauseIds?: string[] }
  /** A head replies to a question (opens the reply form, or carries the reply typed on the card). */
  | { type: 'head.reply'; ref: string; text?: string; forEveryone?: boolean }
  /** The asker withdraws an unanswered question; a head withdraws a shared answer from everyone. */
  | { type: 'head.withdraw'; ref: string }
  | { type: 'head.show'; ref: string }
  /** A head opens one logged question from the gaps view (who asked; audited). */
  | { type: 'gaps.open'; id: string };

export type ActionType = Action['type'];

/** Every action type, so adapters can tell a real action from a forged or stale button value. */
export const ACTION_TYPES: readonly ActionType[] = [
  'ask',
  'ask.choose',
  'feedback',
  'report.start',
  'report.cancel',
  'escalation.show',
  'escalation.ack',
  'escalation.note',
  'escalation.resolve',
  'escalation.recorded',
  'workspace.choose',
  'workspace.decide',
  'head.ask',
  'head.reply',
  'head.withdraw',
  'head.show',
  'gaps.open',
];

const str = (v: unknown) => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const ref = (v: unknown) => typeof v === 'string' && /^ESC-\d{4}-\d{1,6}$/.test(v);
const qref = (v: unknown) => typeof v === 'string' && /^Q-\d{4}-\d{1,6}$/.test(v);
const reasons: readonly unknown[] = ['not-covered', 'closest', 'not-helpful'];

/** Each action type's fields, checked: a button value comes from outside and may be forged or stale. */
const actionShapes: Record<ActionType, (a: Record<string, unknown>) => boolean> = {
  ask: (a) => str(a.question),
  'ask.choose': (a) => str(a.clauseId) && str(a.question),
  feedback: (a) =>
    str(a.answerId) && typeof a.helpful === 'boolean' && optStr(a.question) && optStr(a.verdict) &&
    (a.clauseIds === undefined || (Array.isArray(a.clauseIds) && a.clauseIds.every(str))),
  'report.start': (a) => optStr(a.description),
  'report.cancel': () => true,
  'escalation.show': (a) => ref(a.ref),
  'escalation.ack': (a) => ref(a.ref),
  'escalation.note': (a) => ref(a.ref) && optStr(a.note),
  'escalation.resolve': (a) => ref(a.ref) && optStr(a.outcome),
  'escalation.recorded': (a) => ref(a.ref),
  'workspace.choose': (a) => str(a.school) && (a.school as string).length <= 100,
  'workspace.decide': (a) =>
    (a.platform === 'slack' || a.platform === 'teams') && str(a.tenant) && (a.tenant as string).length <= 100 && str(a.request) && typeof a.approve === 'boolean',
  'head.ask': (a) =>
    str(a.question) && reasons.includes(a.reason) && optStr(a.verdict) && (a.clauseIds === undefined || (Array.isArray(a.clauseIds) && a.clauseIds.every(str))),
  'head.reply': (a) => qref(a.ref) && optStr(a.text) && (a.forEveryone === undefined || typeof a.forEveryone === 'boolean'),
  'head.withdraw': (a) => qref(a.ref),
  'head.show': (a) => qref(a.ref),
  'gaps.open': (a) => str(a.id) && (a.id as string).length <= 200,
};

/** True when `value` is an action of a known type with the fields that type needs, of the right kinds. */
export function isAction(value: unknown): value is Action {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !(ACTION_TYPES as readonly string[]).includes(type)) return false;
  return actionShapes[type as ActionType](value as Record<string, unknown>);
}

/** One input of a form (the report form is the only one today). */
export interface FormField {
  name: string;
  label: string;
  kind: 'select' | 'text' | 'textarea' | 'url' | 'datetime';
  required: boolean;
  options?: { value: string; label: string }[];
  hint?: string;
  maxLength?: number;
}

/** A form the adapter opens as a modal / card, or the console walks through field by field. */
export interface FormSpec {
  id: 'report' | 'escalation.note' | 'escalation.resolve' | 'head.reply';
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** Values already given (prefill, or what was submitted when showing errors). */
  values?: Record<string, string>;
  /** Field name → what is wrong with it. */
  errors?: Record<string, string>;
  /** Guidance shown inside the form (quoted clauses, warnings). */
  intro?: Block[];
  /** Opaque state the adapter must hand back on submit (e.g. the escalation ref). */
  context?: Record<string, string>;
}

export type Tone = 'normal' | 'notice' | 'urgent';

/** The pieces a reply is made of; one renderer function per kind in each adapter. */
export type Block =
  /** `headline` is the whole verdict sentence ("No — …"): renderers add an emoji and style, not a label. */
  | { kind: 'verdict'; verdict: Verdict; headline: string }
  | { kind: 'quote'; text: string; citation: Citation }
  | { kind: 'text'; text: string; tone?: Tone }
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; fields: { label: string; value: string }[] }
  | { kind: 'related'; title: string; items: { citation: Citation; summary: string }[] }
  | { kind: 'actions'; actions: Button[] }
  | { kind: 'form'; form: FormSpec }
  | { kind: 'divider' };

export type BlockKind = Block['kind'];

/** A message from the assistant. */
export interface Reply {
  /** Plain-text fallback: the whole message as text; never empty. */
  text: string;
  blocks: Block[];
  /**
   * What a notification / lock-screen preview may show. When set, adapters use it as the
   * platform's notification text instead of `text` (child-protection alerts carry no details).
   */
  preview?: string;
}

/** A reply made of text only. */
export function textReply(text: string, tone: Tone = 'normal'): Reply {
  return { text, blocks: [{ kind: 'text', text, tone }] };
}
