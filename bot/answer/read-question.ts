// Reads a staff message before matching: is it a question about the policy or an incident to
// report, what form of question it is, and whom it is about (staff, parents, pupils, governors).

import type { Party } from '../../knowledge/types.js';

export type Intent = 'ask' | 'report';
/** yesno: can I / am I allowed / should I…; wh: who / what / how…; whatif: what happens if…; statement: anything else. */
export type QuestionForm = 'yesno' | 'wh' | 'whatif' | 'statement';

export interface ReadQuestion {
  intent: Intent;
  form: QuestionForm;
  /** Whom the question asks about, when it is not the member of staff asking. */
  subject?: Party;
  /** The question asks what someone may ('may': "can I…") or must ('must': "do I have to…") do: rules answer it best. */
  asksRule?: 'may' | 'must';
  /** The question asks what the school or the policy does ("Does the policy cover…", "Will the school…"), not what I may do. */
  aboutOthers?: boolean;
}

const HARM =
  /\b(?:lies|lying|lied|racist|racism|homophobic|abus\w*|threat\w*|bull(?:y|ied|ying)|cyberbull\w*|troll\w*|harass\w*|indecent|nudes?|naked|sext\w*|groom\w*|radicali[sz]\w*|extremis\w*|terroris\w*|defam\w*|libel\w*|insult\w*|nasty|uncomfortable|upset\w*|inappropriate|offensive|fake (?:account|profile)|hack\w*|impersonat\w*|at risk|unsafe|stalk\w*|explicit|porn\w*|slag\w*|rude|vile|hate|hateful|intimidat\w*|blackmail\w*|leaked|self-harm|suicid\w*|hurt(?:ing)?|scared|worried|concern(?:ed|ing))\b/i;
const NEED_HELP =
  /^(?:what|wat|wot)\s+(?:should|do|shall|can|must)\s+(?:i|we)\s+do\b|^how\s+(?:do|should|can)\s+(?:i|we)\s+(?:report|deal|handle|respond)|^who\s+(?:do|should|shall)\s+(?:i|we)\s+(?:tell|report|contact|speak|go)|^(?:what|how)\s+to\s+do\b|^help\b|\bwhat\s+(?:should|do)\s+(?:i|we)\s+do\s*\??$/i;
const WHAT_IF = /^(?:what|wat|wot)\s+happens\s+(?:if|when)\b|^what\s+if\b/i;
const SAFEGUARDING = /\b(?:at risk|indecent|nude|groom\w*|radicali[sz]\w*|extremis\w*|abus\w*|harm(?:ed|ing)?|danger\w*)\b/i;
const ACTOR = /\b(?:a|an|the|one of (?:my|our|the)|some|someone|somebody|my|our|this|that)\s*(?:parents?|carers?|mum|dad|mother|father|pupils?|child|children|kids?|students?|colleagues?|(?:member of )?staff|teachers?|governors?|person|people|ex-pupils?|former pupils?|someone|somebody|stranger)?\b/i;
const NARRATION =
  /\b(?:ha[sd]|have|'ve|keeps?|kept|is|are|was|were|been)\s+(?:\w+\s+)?(?:posted|posting|written|writing|wrote|shared|sharing|sent|sending|messag\w+|comment\w*|upload\w*|tagg\w+|call\w*|said|saying|threaten\w*|made|making|created|set up|add\w*|follow\w*|contact\w*|spread\w*|shar\w+|bull\w+|harass\w+|troll\w+|abus\w+|nasty|being)\b|\b(?:posted|wrote|shared|sent|messaged|dm'?d|commented|uploaded|tagged|threatened|insulted|called|added|followed|contacted|texted|emailed|spread|created|screenshotted|filmed|photographed)\b|\b(?:sends|posts|messages|texts|emails|comments)\s+(?:me|about|on|to)\b|\bi(?:'ve| have)?\s+(?:just\s+)?(?:seen|saw|heard|read|found|noticed|received|got|spotted|come across|been sent|been told)\b|\bi\s*(?:'m|am)\s+being\b|\bthere(?:'s| is| are)\s+(?:a|an|some)\b.*\b(?:post|comment|photo|video|group|page|account|message)s?\b/i;
const ASKING_PERMISSION = /^(?:can|could|may|am|is|are|should|must|do|does|would|will|shall|have|need)\s+(?:i|we|staff|teachers?|you|it|they)\b/i;
const ABOUT_OTHERS =
  /^(?:does|do|is|are|will|would|can|could|has|have)\s+(?:the|this|our|my)\s+(?:school|policy|federation|nursery|trust|academy|head(?:teacher)?|slt|governors?|governing body)\b|\b(?:policy|rules?)\s+(?:apply|applies|cover|covers|include|includes)\b/i;
const ASKS_MUST =
  /^(?:should|must|shall|do\s+i\s+(?:have|need)|does\s+\w+\s+(?:have|need)|have\s+i\s+got|need\s+i|am\s+i\s+(?:required|expected|supposed|meant))\b|\b(?:have to|need to|required to|supposed to)\b/i;
const ASKS_RULE =
  /^(?:can|cn|could|may|am|should|must|shall|do|does|need|have)\b|\b(?:allowed|ok to|okay to|alright to|permitted|is it (?:ok|okay|alright|fine|acceptable|appropriate))\b/i;
const PUPIL_ACTOR = /\b(?:pupils?|child|children|kids?|students?|young person|ex-pupils?|former pupils?)\b/i;

const SUBJECTS: [Party, RegExp][] = [
  ['parents', /^(?:can|could|may|should|must|are|is|do|does|will|would)\s+(?:a\s+|the\s+|our\s+)?(?:parents?|carers?|mums?|dads?|families|family members|stakeholders|grandparents?)\b|\b(?:parents?|carers?|mums?|dads?)\s+(?:are\s+)?(?:allowed|permitted|able)\b|\bfor parents\b/i],
  ['pupils', /^(?:can|could|may|should|must|are|is|do|does|will|would)\s+(?:a\s+|the\s+|our\s+)?(?:pupils?|children|kids|students)\b|\b(?:pupils?|children|kids|students)\s+(?:are\s+)?(?:allowed|permitted)\b/i],
  ['governors', /^(?:can|could|may|should|must|are|is|do|does|will|would)\s+(?:a\s+|the\s+|our\s+)?governors?\b|\bas a governor\b|\bi(?:'m| am) a governor\b/i],
];

/** Intent, form and subject of one message. */
export function readQuestion(text: string): ReadQuestion {
  const whole = withApostrophes(text.trim().replace(/\s+/g, ' '));
  const read = readForm(whole, questionTail(whole) ?? whole);
  const subject = SUBJECTS.find(([, re]) => re.test(whole))?.[0];
  if (subject) read.subject = subject;
  return read;
}

function formOf(q: string): QuestionForm {
  return WHAT_IF.test(q) ? 'whatif'
    : /^(?:who|what|wat|wot|when|where|which|how|why)\b/i.test(q) ? 'wh'
    : /^(?:can|cn|could|may|am|is|are|should|must|do|does|would|will|shall|have|need|any)\b|\b(?:allowed|ok to|okay to|alright to|permitted)\b/i.test(q) ? 'yesno'
    : 'statement';
}

/** "A parent asked about the trip in the class WhatsApp, can I answer them?": the question after the story. */
function questionTail(q: string): string | undefined {
  const m = /[,;:.!?]\s*(?:so\s+|but\s+|and\s+)?((?:can|cn|could|may|am|should|must|do|shall|is it)\s+(?:i|we|ok|okay|alright)\b.*)$/i.exec(q);
  return m && m.index > 0 ? m[1] : undefined;
}

function readForm(whole: string, q: string): ReadQuestion {
  // The intent is the whole message's: a story followed by "can I…?" may still be an incident.
  const read: ReadQuestion = { intent: intentOf(whole, formOf(whole)), form: formOf(q) };
  if (ABOUT_OTHERS.test(q)) read.aboutOthers = true;
  else if (ASKS_MUST.test(q)) read.asksRule = 'must';
  else if (ASKS_RULE.test(q)) read.asksRule = 'may';
  return read;
}

/** "Ive seen", "Im being", "dont": staff often type contractions without the apostrophe. */
function withApostrophes(q: string): string {
  return q.replace(/\b(i)(ve|m|d|ll)\b/gi, "$1'$2").replace(/\b(don|doesn|didn|isn|wasn|can|won|shouldn)t\b/gi, "$1't");
}

function intentOf(q: string, form: QuestionForm): Intent {
  const harm = HARM.test(q);
  // "I think a colleague is grooming a child": a suspicion voiced is a concern to pass on.
  if (harm && /\bi\s+(?:think|suspect|believe|(?:'m|am)\s+(?:worried|concerned))\b/i.test(q) && !ASKING_PERMISSION.test(q)) return 'report';
  if (form === 'whatif') return SAFEGUARDING.test(q) && !/\bi\b/i.test(q.split(/\bif\b/i)[1] ?? '') ? 'report' : 'ask';
  // "What should I do if a parent sends me a friend request?" is a hypothetical: a question, unless harm is named.
  if (NEED_HELP.test(q)) return harm || (NARRATION.test(q) && !/\bif\b/i.test(q)) ? 'report' : 'ask';
  // "Should I delete abusive messages someone sends me?": an incident, even in a question's words.
  if (harm && NARRATION.test(q) && /\b(?:me|my)\b/i.test(q) && !/^(?:can|could|may|am)\s+i\b/i.test(q)) return 'report';
  if (ASKING_PERMISSION.test(q) && !/\b(?:report|tell)\b/i.test(q)) return 'ask';
  if (form === 'wh') return 'ask';
  if (NARRATION.test(q) && ACTOR.test(q) && (harm || PUPIL_ACTOR.test(q))) return 'report';
  return harm && /\b(?:me|my|our|us)\b/i.test(q) ? 'report' : 'ask';
}
