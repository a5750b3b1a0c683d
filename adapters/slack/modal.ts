// The core's FormSpec as a Slack modal, and back: submitted view state → field values, and the
// core's field errors → `response_action: 'errors'` keyed by the field's block_id.

import type { types } from '@slack/bolt';
import type { FormField, FormSpec } from '../../bot/reply.js';
import { LIMITS, plain, renderBlocks } from './block-kit.js';
import { truncate } from './mrkdwn.js';

/** callback_id prefix of the assistant's modals; the app routes view submissions on it. */
export const FORM_CALLBACK_PREFIX = 'form:';
const FIELD_BLOCK_PREFIX = 'f:';
const ACTION_ID = 'v';
const MAX_PRIVATE_METADATA = 3000;
const MAX_INPUT = 3000;

/** What a modal carries to its submission: the form, its context, and the message it came from. */
export interface ModalMetadata {
  formId: FormSpec['id'];
  context?: Record<string, string>;
  /** The message whose button opened the form (updated in place after the submission). */
  channel?: string;
  ts?: string;
}

/** A field's block_id in the modal. */
export function fieldBlockId(name: string): string {
  return `${FIELD_BLOCK_PREFIX}${name}`;
}

/** Renders a form as a modal view (intro guidance first, then one input per field; ≤100 blocks). */
export function renderModal(form: FormSpec, meta: Omit<ModalMetadata, 'formId' | 'context'> = {}): types.ModalView {
  const inputs = form.fields.map((f) => renderInput(f, form.values?.[f.name]));
  const errors = Object.entries(form.errors ?? {}).map(([name, message]) => `${labelOf(form, name)}: ${message}`);
  const notes = errors.length ? renderBlocks([{ kind: 'text', text: errors.join('\n'), tone: 'notice' }]) : [];
  const introBlocks = (form.intro ?? []).filter((b) => b.kind !== 'actions' && b.kind !== 'form');
  // NOTE: a modal title holds 24 characters; a longer one is cut and shown whole above the fields.
  const heading = form.title.length > 24 ? renderBlocks([{ kind: 'text', text: form.title }]) : [];
  const budget = LIMITS.viewBlocks - inputs.length - notes.length - heading.length;
  const intro = budget > 0 ? renderBlocks(introBlocks, budget) : [];
  return {
    type: 'modal',
    callback_id: `${FORM_CALLBACK_PREFIX}${form.id}`,
    title: plain(form.title, 24),
    submit: plain(form.submitLabel || 'Submit', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ formId: form.id, context: form.context, ...meta }),
    blocks: [...heading, ...notes, ...intro, ...inputs].slice(0, LIMITS.viewBlocks),
  };
}

function renderInput(field: FormField, value: string | undefined): types.InputBlock {
  return {
    type: 'input',
    block_id: fieldBlockId(field.name),
    optional: !field.required,
    label: plain(field.label, 2000),
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
    element: renderElement(field, value),
  };
}

function renderElement(field: FormField, value: string | undefined): types.InputBlock['element'] {
  switch (field.kind) {
    case 'select': {
      const options = (field.options ?? []).slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: truncate(o.value, 150) }));
      const initial = options.find((o) => o.value === value);
      return { type: 'static_select', action_id: ACTION_ID, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'url':
      return { type: 'url_text_input', action_id: ACTION_ID, ...(value ? { initial_value: value } : {}) };
    case 'datetime': {
      const seconds = value ? Math.floor(Date.parse(value) / 1000) : NaN;
      return { type: 'datetimepicker', action_id: ACTION_ID, ...(Number.isFinite(seconds) ? { initial_date_time: seconds } : {}) };
    }
    case 'text':
    case 'textarea': {
      const max = Math.min(field.maxLength ?? MAX_INPUT, MAX_INPUT);
      return {
        type: 'plain_text_input',
        action_id: ACTION_ID,
        multiline: field.kind === 'textarea',
        max_length: max,
        // NOTE: Slack refuses a view whose initial_value is longer than max_length.
        ...(value ? { initial_value: truncate(value, max) } : {}),
      };
    }
  }
}

/** Shape of `view.state.values` in a view_submission payload. */
export type ViewStateValues = Record<string, Record<string, {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date_time?: number | null;
}>>;

/** Reads a submitted modal's values back into field name → string (empty fields omitted). */
export function readModalValues(state: ViewStateValues | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state ?? {})) {
    if (!blockId.startsWith(FIELD_BLOCK_PREFIX)) continue;
    const input = actions[ACTION_ID];
    if (!input) continue;
    const value = input.selected_option?.value
      ?? (typeof input.selected_date_time === 'number' ? new Date(input.selected_date_time * 1000).toISOString() : undefined)
      ?? input.value
      ?? undefined;
    if (value !== undefined && value !== null && value !== '') values[blockId.slice(FIELD_BLOCK_PREFIX.length)] = value;
  }
  return values;
}

/**
 * The core's field errors as Slack's `errors` map (block_id → message). An error on a name that
 * is no field of the form is shown on the first field, so it is never lost.
 */
export function modalErrors(form: { fields: { name: string }[] } | undefined, errors: Record<string, string>): Record<string, string> {
  const names = new Set((form?.fields ?? []).map((f) => f.name));
  const out: Record<string, string> = {};
  const stray: string[] = [];
  for (const [name, message] of Object.entries(errors)) {
    if (names.size === 0 || names.has(name)) out[fieldBlockId(name)] = truncate(message, 2000);
    else stray.push(message);
  }
  if (stray.length) {
    const first = fieldBlockId(form!.fields[0].name);
    out[first] = truncate([out[first], ...stray].filter(Boolean).join(' '), 2000);
  }
  return out;
}

/** private_metadata as JSON, within Slack's 3,000 characters (the message reference goes first). */
export function encodeMetadata(meta: ModalMetadata): string {
  const json = JSON.stringify(meta);
  if (json.length <= MAX_PRIVATE_METADATA) return json;
  return JSON.stringify({ formId: meta.formId, context: meta.context });
}

/** Reads private_metadata back; undefined when it is not the assistant's. */
export function decodeMetadata(raw: string | undefined): ModalMetadata | undefined {
  try {
    const meta = JSON.parse(raw ?? '') as ModalMetadata;
    return typeof meta?.formId === 'string' ? meta : undefined;
  } catch {
    return undefined;
  }
}

function labelOf(form: FormSpec, name: string): string {
  return form.fields.find((f) => f.name === name)?.label ?? name;
}
