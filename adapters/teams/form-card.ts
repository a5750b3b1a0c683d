// A FormSpec (the report form, a note, an outcome) as Adaptive Card inputs: required inputs with
// error messages for the client's own checks, the core's errors shown under each field, and a
// submit button (Action.Execute with an Action.Submit fallback) carrying the form's id and context.

import type { FormField, FormSpec } from '../../bot/reply.js';
import { ACTION_VERB, FORM_VERB, INPUT_PREFIX, executeAction, type CardElement } from './card-actions.js';
import { escapeCardText, renderBlock } from './adaptive-cards.js';

/** The form's elements: title, guidance, the problems to fix, each input, then submit and cancel. */
export function renderFormElements(form: FormSpec): CardElement[] {
  const errors = form.errors ?? {};
  const elements: CardElement[] = [text(form.title, { size: 'Medium', weight: 'Bolder' })];
  for (const block of form.intro ?? []) elements.push(...renderBlock(block));
  const errorCount = Object.keys(errors).length;
  if (errorCount) {
    const noun = errorCount === 1 ? 'one answer' : `${errorCount} answers`;
    elements.push(text(`Please check ${noun} below.`, { color: 'Attention', weight: 'Bolder' }));
  }
  for (const field of form.fields) {
    elements.push(renderInput(field, form.values?.[field.name]));
    const error = errors[field.name];
    if (error) elements.push(text(`⚠️ ${error}`, { color: 'Attention', size: 'Small', spacing: 'None' }));
  }
  const submit = executeAction(form.submitLabel, { verb: FORM_VERB, formId: form.id, ...(form.context ? { context: form.context } : {}) }, {
    style: 'positive',
    withInputs: true,
  });
  const buttons = [submit];
  if (form.id === 'report') buttons.push(executeAction('Cancel', { verb: ACTION_VERB, action: { type: 'report.cancel' } }));
  elements.push({ type: 'ActionSet', actions: buttons });
  return elements;
}

/** One input; a field the core marks as wrong keeps the value given so it can be corrected. */
export function renderInput(field: FormField, value: string | undefined): CardElement {
  const base: CardElement = {
    id: `${INPUT_PREFIX}${field.name}`,
    label: field.label,
    isRequired: field.required,
    ...(field.required ? { errorMessage: `${field.label}: this is needed.` } : {}),
    ...(value !== undefined ? { value } : {}),
  };
  if (field.kind === 'select') {
    return {
      type: 'Input.ChoiceSet',
      ...base,
      style: 'compact',
      placeholder: field.hint ?? 'Choose one',
      choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
    };
  }
  return {
    type: 'Input.Text',
    ...base,
    ...(field.hint ? { placeholder: field.hint } : field.kind === 'datetime' ? { placeholder: 'e.g. today 9:30, or 2026-03-04 09:30' } : {}),
    ...(field.kind === 'textarea' ? { isMultiline: true } : {}),
    ...(field.kind === 'url' ? { style: 'Url' } : {}),
    ...(field.maxLength ? { maxLength: field.maxLength } : {}),
  };
}

function text(value: string, props: Record<string, unknown>): CardElement {
  return { type: 'TextBlock', text: escapeCardText(value), wrap: true, ...props };
}
