// The report's questions, defined once: the form (modal / card) and the typed conversation are both
// built from these steps, so they ask the same things and validate the same way.

import type { Category, PosterKind, Subject, YesNoUnsure } from '../escalations/model.js';

export interface StepOption {
  value: string;
  label: string;
  /** Other words people type for this choice (lower case). */
  synonyms: string[];
}

export type StepName =
  | 'adultConcern'
  | 'category'
  | 'poster'
  | 'about'
  | 'platform'
  | 'link'
  | 'seenAt'
  | 'evidenceKept'
  | 'replied'
  | 'description';

export interface ReportStep {
  name: StepName;
  /** The question as asked in the conversation. */
  question: string;
  /** The short label on the form. */
  label: string;
  kind: 'choice' | 'text' | 'url' | 'datetime' | 'textarea';
  required: boolean;
  options?: StepOption[];
  hint?: string;
  maxLength: number;
}

export const descriptionMaxLength = 3000;
/** A typed choice may come with words around it ("yes, I took screenshots this morning"). */
const choiceMaxLength = 300;

const opt = (value: string, label: string, ...synonyms: string[]): StepOption => ({ value, label, synonyms });

export const categoryOptions: StepOption[] = [
  opt('abusive', 'Abusive or offensive', 'abuse', 'abusive', 'offensive', 'rude', 'insulting', 'bullying', 'trolling'),
  opt('threatening', 'Threatening violence', 'threat', 'threats', 'threatening', 'violence', 'violent'),
  opt('defamatory', 'Defamatory or false allegations', 'defamation', 'defamatory', 'false', 'lies', 'allegation', 'allegations', 'libel'),
  opt('discriminatory', 'Racist or discriminatory', 'racist', 'racism', 'discrimination', 'discriminatory', 'homophobic', 'sexist'),
  opt('sexual', 'Sexual content or indecent images', 'sexual', 'indecent', 'nude', 'nudes', 'porn', 'sexual content'),
  opt('child-at-risk', 'A child may be at risk', 'child at risk', 'at risk', 'safeguarding', 'risk', 'harm'),
  opt('extremism', 'Extremism or radicalisation', 'extremism', 'extremist', 'radicalisation', 'radicalization', 'terrorism', 'prevent'),
  opt('allegation', 'An adult at the school has harmed, or may harm, a child', 'allegation against staff', 'allegation about a member of staff', 'adult at the school', 'lado'),
  opt('other', 'Something else', 'other', 'something else', 'else'),
];

export const posterOptions: StepOption[] = [
  opt('pupil', 'A pupil', 'pupil', 'student', 'child', 'kid', 'learner'),
  opt('parent', 'A parent or carer', 'parent', 'carer', 'mum', 'dad', 'mother', 'father', 'guardian'),
  opt('ex-pupil', 'A former pupil', 'ex-pupil', 'ex pupil', 'former pupil', 'old pupil', 'ex-student'),
  opt('staff', 'A member of staff', 'staff', 'teacher', 'colleague', 'employee', 'ta', 'teaching assistant', 'member of staff'),
  opt('other', 'Someone else', 'someone else', 'other', 'public', 'stranger'),
  opt('unknown', "I don't know", 'unknown', "don't know", 'dont know', 'not sure', 'anonymous', 'no idea'),
];

export const aboutOptions: StepOption[] = [
  opt('me', 'Me', 'me', 'myself', 'i', 'about me', 'at me'),
  opt('colleague', 'Another member of staff or a volunteer', 'colleague', 'another member of staff', 'staff', 'teacher', 'volunteer'),
  opt('head', 'The head teacher', 'head', 'head teacher', 'headteacher', 'principal', 'executive headteacher'),
  opt('pupil', 'A pupil', 'pupil', 'child', 'student', 'pupils', 'children'),
  opt('school', 'The school', 'school', 'the school'),
];

export const yesNoOptions: StepOption[] = [
  opt('yes', 'Yes', 'yes', 'y', 'yeah', 'yep'),
  opt('no', 'No', 'no', 'n', 'nope', 'none'),
  opt('unsure', 'Not sure', 'unsure', 'not sure', "don't know", 'dont know', 'maybe'),
];

export const reportSteps: ReportStep[] = [
  {
    name: 'adultConcern', question: 'Is this about something an adult who works or volunteers at the school has done (to a child, or that may put a child at risk)?',
    label: 'About something an adult at the school has done', kind: 'choice', required: false, options: yesNoOptions, maxLength: choiceMaxLength,
    hint: 'Staff, supply staff, volunteers, governors, coaches. Not posts by parents or pupils about staff.',
  },
  { name: 'category', question: 'What kind of post is it?', label: 'What kind of post', kind: 'choice', required: true, options: categoryOptions, maxLength: choiceMaxLength },
  { name: 'poster', question: 'Who posted it?', label: 'Who posted it', kind: 'choice', required: true, options: posterOptions, maxLength: choiceMaxLength },
  { name: 'about', question: 'Who is it about?', label: 'Who it is about', kind: 'choice', required: true, options: aboutOptions, maxLength: choiceMaxLength },
  {
    name: 'platform', question: 'Where was it posted? (for example Facebook, TikTok, a class WhatsApp group)', label: 'Where it was posted',
    kind: 'text', required: true, hint: 'The site or app, and the page or group if you know it.', maxLength: 200,
  },
  {
    name: 'link', question: "Is there a link to it? Paste it, or type 'skip'.", label: 'Link (if any)',
    kind: 'url', required: false, hint: 'A web address starting with http:// or https://. Never upload images.', maxLength: 2000,
  },
  {
    name: 'seenAt', question: 'When did you see it? (for example "today 8am" or "12 March, 7pm")', label: 'When you saw it',
    kind: 'datetime', required: true, maxLength: 100,
  },
  {
    name: 'evidenceKept', question: 'Have you kept a record of it (screenshots showing the date, time and where it was posted)?',
    label: 'Evidence kept', kind: 'choice', required: true, options: yesNoOptions, maxLength: choiceMaxLength,
    hint: 'Never screenshot or keep sexual images of a child.',
  },
  { name: 'replied', question: 'Has anyone replied to it, you or anyone from school?', label: 'Anyone replied', kind: 'choice', required: true, options: yesNoOptions, maxLength: choiceMaxLength },
  {
    name: 'description', question: 'Describe what it says, in your own words: just the facts (what, who, when). Text only, no images.',
    label: 'What it says (facts only)', kind: 'textarea', required: true, maxLength: descriptionMaxLength,
    hint: `Up to ${descriptionMaxLength.toLocaleString('en-GB')} characters.`,
  },
];

/** The question asked instead of "Who is it about?" when it is about an adult at the school. */
export const allegationAboutQuestion = 'Who is the adult it is about? (Their role only; you can name them in the description.)';

/** The question asked instead when the post is sexual content: no screenshots of it. */
export const sexualEvidenceQuestion =
  'Do NOT screenshot, save or forward it. Have you noted in writing where it is (the account, page or link)?';

export function stepByName(name: StepName): ReportStep {
  return reportSteps.find((s) => s.name === name)!;
}

export type CategoryValue = Category;
export type PosterValue = PosterKind;
export type SubjectValue = Subject;
export type YesNoValue = YesNoUnsure;

/** The label of a choice value ("parent" → "A parent or carer"), or the value itself. */
export function optionLabel(step: StepName, value: string | undefined): string {
  if (value === undefined || value === '') return '—';
  return stepByName(step).options?.find((o) => o.value === value)?.label ?? value;
}
