// Checks one answer (typed or from a form field) against its step, and a whole submitted form.
// Every message here is shown to the person filling in the report, so each says what to do.

import type { ReportFields } from '../escalations/model.js';
import { readWhen } from './read-when.js';
import { reportSteps, type ReportStep, type StepOption } from './report-steps.js';

export type StepResult = { ok: true; value: string | undefined } | { ok: false; error: string };

const skipWords = new Set(['skip', 'none', 'no', 'n/a', 'na', 'no link', '-']);

/** Validates one answer for `step`: a choice by number, word or synonym; text within its limit. */
export function validateStep(step: ReportStep, raw: string | undefined): StepResult {
  const text = (raw ?? '').trim();
  if (text === '' || (step.kind === 'url' && skipWords.has(text.toLowerCase()))) {
    return step.required ? { ok: false, error: `Please answer: ${step.label.toLowerCase()}.` } : { ok: true, value: undefined };
  }
  if (text.length > step.maxLength) {
    return {
      ok: false,
      error: `That is ${text.length.toLocaleString('en-GB')} characters; please keep it under ${step.maxLength.toLocaleString('en-GB')}${step.kind === 'textarea' ? ' — just the facts: what it says, who posted it and when' : ''}.`,
    };
  }
  if (step.kind === 'choice') {
    const option = matchOption(step.options ?? [], text);
    if (option) return { ok: true, value: option.value };
    return { ok: false, error: `I didn't recognise "${clip(text)}". Choose one of: ${choiceList(step.options ?? [])}.` };
  }
  if (step.kind === 'url' && !isWebLink(text)) {
    return { ok: false, error: `"${clip(text)}" is not a web link. Paste a link starting with http:// or https://, or type 'skip'.` };
  }
  return { ok: true, value: text };
}

/** Finds the option a person meant: its number, value, label or a synonym; else one unique word match. */
export function matchOption(options: StepOption[], raw: string): StepOption | undefined {
  const text = normalise(raw);
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1];
  const exact = options.find((o) => [o.value, o.label, ...o.synonyms].some((w) => normalise(w) === text));
  if (exact) return exact;
  // Inside a sentence only words of three letters or more count: "I", "me", "y" and "n" are in
  // every other sentence, so they answer only when typed alone.
  const found = options.filter((o) => o.synonyms.some((w) => normalise(w).length >= 3 && new RegExp(`\\b${escapeRegExp(normalise(w))}\\b`).test(text)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Validates every field of a submitted report form; fields or field → message. A date typed in
 * words (a Teams card has no date picker) is read as the conversation reads it; one that cannot be
 * read is kept as written, as the form has always allowed.
 */
export function validateReport(
  values: Record<string, string | undefined>,
  now = new Date(),
): { ok: true; fields: ReportFields } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, string | undefined> = {};
  for (const step of reportSteps) {
    const result = validateStep(step, values[step.name]);
    if (result.ok) out[step.name] = result.value;
    else errors[step.name] = result.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const seen = out.seenAt!;
  if (Number.isNaN(Date.parse(seen)) || !/^\d{4}-\d{2}-\d{2}T/.test(seen)) {
    const when = readWhen(seen, now);
    if (when.ok) Object.assign(out, { seenAt: when.iso, seenAtShown: when.shown, seenAtAsTyped: seen });
  }
  return { ok: true, fields: toFields(out) };
}

/** Builds ReportFields from validated values (omitting an absent link). */
export function toFields(v: Record<string, string | undefined>): ReportFields {
  return {
    ...(v.adultConcern ? { adultConcern: v.adultConcern as ReportFields['adultConcern'] } : {}),
    category: v.category as ReportFields['category'],
    poster: v.poster as ReportFields['poster'],
    about: v.about as ReportFields['about'],
    platform: v.platform!,
    ...(v.link ? { link: v.link } : {}),
    seenAt: v.seenAt!,
    ...(v.seenAtShown ? { seenAtShown: v.seenAtShown } : {}),
    ...(v.seenAtAsTyped ? { seenAtAsTyped: v.seenAtAsTyped } : {}),
    evidenceKept: v.evidenceKept as ReportFields['evidenceKept'],
    replied: v.replied as ReportFields['replied'],
    description: v.description!,
  };
}

export function isWebLink(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function choiceList(options: StepOption[]): string {
  return options.map((o, i) => `${i + 1} ${o.label}`).join(', ');
}

/** Lower case, straight apostrophes, no closing punctuation, single spaces. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[’']/g, "'").replace(/[.!?,;:]+$/g, '').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
