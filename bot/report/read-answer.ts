// Reads one typed answer in the report conversation as people type it: yes or no with words
// around it, a link anywhere in the answer, a date in everyday words, and an answer that fits
// another question (used for that question, and said so) rather than refused.

import { readWhen } from './read-when.js';
import { optionLabel, reportSteps, yesNoOptions, type ReportStep, type StepName } from './report-steps.js';
import { choiceList, isWebLink, matchOption, normalise } from './validate-report.js';

export interface AnswerReading {
  /** Values found in the answer, by step name: the current question's and any other's. */
  values: Record<string, string>;
  /** What to say back (an answer used for another question, the date as read). */
  notices: string[];
  /** Why the current question is still unanswered, when it is. */
  error?: string;
}

/** Words that mark an answer as being about each yes/no question (the yes/no words are shared). */
const yesNoCues: Partial<Record<StepName, RegExp>> = {
  evidenceKept: /\b(screen ?(shots?|prints?|grabs?|captures?)|screenshotted|copy|copies|copied|saved?|record(ed|s)?|evidence|photos?|pictures?|noted|note of it|wrote|written)\b/i,
  replied: /\b(repl(y|ies|ied)|respond(ed)?|response|answer(ed)?|commented back|messaged back|engaged)\b/i,
};

const unsureWords = /\b(not sure|unsure|don'?t know|dunno|no idea|maybe|can'?t remember|not certain)\b/i;
const yesWords = /^(yes|yeah|yep|yup|aye|y|i have|i did|i've|we have|we did|of course|absolutely|definitely)\b|\b(yes|yeah|yep|yup)\b/i;
const noWords = /^(no|nope|nah|n|not yet|none|never)\b|\b(no|nope|not yet)\b/i;
const negation = /\b(not|no|never|didn'?t|did not|haven'?t|have not|hasn'?t|has not|wasn'?t|nobody|no one|noone|none|nothing|neither)\b/i;
/** Said when someone reporting sexual content says they kept a copy (UKCIS 2024). */
export const sexualCopyWarning =
  'If you have already saved or screenshotted it, do not share it or show it to anyone: tell the designated safeguarding lead now, and they will say what to do with it (UKCIS guidance, 2024).';

const skipWords = /^(skip|none|n\/a|na|no link|-|no link to it|there isn'?t one|there is no link|i don'?t have (one|it|a link))$/i;

/** Reads `text` as the answer to `step`, given the answers so far; `now` anchors dates. */
export function readAnswer(step: ReportStep, answered: Record<string, string>, text: string, now: Date): AnswerReading {
  const reading: AnswerReading = { values: {}, notices: [] };
  const trimmed = text.trim();
  const link = findLink(trimmed);
  const rest = link ? tidyAround(trimmed.replace(link.raw, ' ')) : trimmed;
  // The place is measured without its link: "facebook https://…" is a short answer.
  const measured = step.kind === 'text' ? rest : trimmed;
  if (measured.length > step.maxLength) {
    reading.error = `That is ${measured.length.toLocaleString('en-GB')} characters; please keep it under ${step.maxLength.toLocaleString('en-GB')}${step.kind === 'textarea' ? ' — just the facts: what it says, who posted it and when' : ''}.`;
    return reading;
  }
  readCurrent(step, answered, trimmed, rest, link?.url, now, reading);
  if (answered.category === 'sexual' && /\b(screen ?shots?|screenshotted|saved|copied|forwarded|photo)\b/i.test(trimmed)) {
    reading.notices.push(sexualCopyWarning);
  }
  if (link && step.name !== 'link' && answered.link === undefined) {
    reading.values.link = link.url;
    reading.notices.push(`I've noted the link ${link.url}, so I won't ask for it again.`);
  }
  return reading;
}

function readCurrent(step: ReportStep, answered: Record<string, string>, text: string, rest: string, link: string | undefined, now: Date, out: AnswerReading): void {
  const set = (value: string) => void (out.values[step.name] = value);
  if (step.kind === 'url') {
    if (link) set(link);
    else if (skipWords.test(normalise(text)) || readYesNo(text) === 'no') set('');
    else out.error = `"${clip(text)}" is not a web link. Paste a link starting with http:// or https://, or type 'skip'.`;
  } else if (step.kind === 'text') {
    const place = rest || (link ? new URL(link).hostname.replace(/^www\./, '') : '');
    if (place) set(place);
    else out.error = `Please answer: ${step.label.toLowerCase()}.`;
  } else if (step.kind === 'datetime') {
    const when = readWhen(rest || text, now);
    if (!when.ok) out.error = when.error;
    else {
      set(when.iso);
      out.values.seenAtShown = when.shown;
      out.values.seenAtAsTyped = text;
      out.notices.push(`I've put that down as ${when.shown}. If that's not right, type 'back'.`);
    }
  } else if (step.kind === 'textarea') {
    if (text) set(text);
    else out.error = `Please answer: ${step.label.toLowerCase()}.`;
  } else {
    const value = aboutAnotherQuestion(step, text) ? undefined : readChoice(step, text, true);
    if (value) set(value);
    else readForAnotherQuestion(step, answered, text, out);
  }
}

/** A choice: by number or words; yes/no questions also read "yes I took screenshots", "nobody has". */
function readChoice(step: ReportStep, text: string, current: boolean): string | undefined {
  if (step.options !== yesNoOptions) return matchOption(step.options ?? [], text)?.value;
  // Another question's yes/no answer must say what it is about ("I took screenshots").
  return readYesNo(text, yesNoCues[step.name], !current);
}

/**
 * Yes, no or unsure from words around them. An answer naming the question's subject counts: "I took
 * screenshots" is yes, "nobody replied" is no. With `needCue`, only such an answer is read at all.
 */
export function readYesNo(text: string, cue?: RegExp, needCue = false): string | undefined {
  const t = normalise(text);
  if (needCue && !cue?.test(text)) return undefined;
  const exact = matchOption(yesNoOptions, text)?.value;
  if (exact && t.split(' ').length <= 2) return exact;
  if (unsureWords.test(t)) return 'unsure';
  const yes = yesWords.test(t);
  const no = noWords.test(t);
  if (yes !== no) return yes ? 'yes' : 'no';
  if (yes && no) return undefined;
  if (negation.test(t)) return 'no';
  return cue?.test(text) ? 'yes' : undefined;
}

/** A yes/no answer that names another question's subject and not this one's ("nobody replied" when asked about screenshots). */
function aboutAnotherQuestion(step: ReportStep, text: string): boolean {
  if (step.options !== yesNoOptions || yesNoCues[step.name]?.test(text)) return false;
  return Object.entries(yesNoCues).some(([name, cue]) => name !== step.name && cue.test(text));
}

/** When the answer does not fit this question but fits another, it is kept for that one and said so. */
function readForAnotherQuestion(step: ReportStep, answered: Record<string, string>, text: string, out: AnswerReading): void {
  const fits = reportSteps
    .filter((s) => s !== step && s.kind === 'choice')
    .map((s) => ({ step: s, value: readChoice(s, text, false) }))
    .filter((f): f is { step: ReportStep; value: string } => f.value !== undefined);
  // Every question not yet answered that the words fit is answered; one already answered is
  // changed only when nothing else fits and it alone does.
  const open = fits.filter((f) => answered[f.step.name] === undefined);
  const chosen = open.length > 0 ? open : fits.length === 1 ? fits : [];
  if (chosen.length === 0) {
    out.error = `I didn't recognise "${clip(text)}" as an answer to: ${step.question} Choose one of: ${choiceList(step.options ?? [])}.`;
    return;
  }
  for (const c of chosen) {
    out.values[c.step.name] = c.value;
    const changed = answered[c.step.name] !== undefined && answered[c.step.name] !== c.value;
    out.notices.push(`That answers "${c.step.question}", so I've ${changed ? 'changed that answer to' : 'noted'}: ${optionLabel(c.step.name, c.value)}.`);
  }
  out.error = `I'm still asking: ${step.question}`;
}

/** The first web link in the text (http(s)://… or www.…), without trailing punctuation. */
export function findLink(text: string): { raw: string; url: string } | undefined {
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>"']+/gi)) {
    const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
    const url = /^www\./i.test(raw) ? `https://${raw}` : raw;
    if (isWebLink(url)) return { raw, url };
  }
  return undefined;
}

/** What is left of an answer once its link is taken out: "facebook - " → "facebook". */
function tidyAround(text: string): string {
  const t = text.replace(/\s+/g, ' ').replace(/^[\s,;:.!?\-–—()]+|[\s,;:.!?\-–—()]+$/g, '').replace(/\s+(at|here|link)$/i, '').trim();
  return /\p{L}/u.test(t) ? t : '';
}

function clip(s: string, max = 60): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
