// Reads a staff message before matching: is it a question about the policy or an incident to
// report, the form of the question, whom it is about, and the action it asks about. Topic words
// come from the vocabulary; the patterns here are of English grammar (modals, tense, "if").

import type { Party } from '../types.js';
import type { Term } from '../language/terms.js';
import { concept } from '../language/vocabulary.js';
import { readAges } from './age-fit.js';

export type Intent = 'ask' | 'report';
/** yesno: can I / am I allowed / should I…; wh: who / what / how…; whatif: what happens if…; statement: anything else. */
export type QuestionForm = 'yesno' | 'wh' | 'whatif' | 'statement';

export interface QuestionReading {
  intent: Intent;
  form: QuestionForm;
  /** Whom the question asks about, when it is not the member of staff asking. */
  subject?: Party;
  /** The question asks what someone may ('may': "can I…") or must ('must': "do I have to…") do. */
  asksRule?: 'may' | 'must';
  /** It asks what the school or the policy does ("Does the policy cover…", "Will the school…"). */
  aboutOthers?: boolean;
  /** It asks what could happen to the asker ("could I lose my job…", "can I be disciplined…"), not what they may do. */
  consequence?: boolean;
  /** It asks what to do ("what should I do if…", "who do I tell…"): the answer is a duty, not a fact. */
  asksSteps?: boolean;
  /** Ages it gives for the person it is about ("she's 16"). */
  ages: number[];
  /** It tells of a connection that began before ("we've been friends for years", "since uni", "already connected"). */
  existing?: boolean;
}

/** A connection that began before: what a rule on *new* requests does not reach. */
const EXISTING =
  /\b(?:(?:been|were|are|was|have|has|had|we'?re|we'?ve)\s+(?:\w+\s+){0,3}?(?:friends|mates|connected|following each other|followed each other)\s+(?:on\s+\w+\s+)?(?:for|since)\b|(?:friends|mates|connected)\s+(?:with\s+(?:\w+\s+){1,5}?)?(?:for\s+(?:years|ages|a long time|\d+\s+years)|since)\b|already\s+(?:friends|connected|following|follow)\b|long\s+before\b|(?:way\s+)?before\s+(?:her|his|their|the)\s+(?:\w+\s+){0,2}?(?:started|joined|came|arrived)\b|(?:known|know|knew)\s+(?:\w+\s+){0,4}?(?:for\s+(?:years|ages)|since|long before)\b)/i;

const WHAT_IF = /^(?:what|wat|wot)\s+(?:happens|will happen|would happen)\s+(?:if|when)\b|^what\s+if\b/i;
const NEED_HELP =
  /^(?:what|wat|wot)\s+(?:should|do|shall|can|must)\s+(?:i|we)\s+do\b|^how\s+(?:do|should|can)\s+(?:i|we)\s+(?:report|deal|handle|respond)|^who\s+(?:do|should|shall)\s+(?:i|we)\s+(?:tell|report|contact|speak|go)|^(?:what|how)\s+to\s+do\b|^help\b|\bwhat\s+(?:should|do|shall)\s+(?:i|we)\s+do(?:\s+(?:with|about)\s+(?:it|this|that|them|him|her)|\s+now)?(?:\s*\??$|,\s*[^.!?,]{1,30}$)/i;
const FINAL_PERMISSION = /(?:^|[.!?,;:–—-]\s*)(?:so\s+|but\s+|and\s+)?(?:can|cn|could|may|should|shall|do|must|am)\s+(?:i|we)\b[^.!?]*\?*\s*$/i;
const WH_ONLY = /^(?:who|whose|what|wat|when|where|which|how|why)\b[^.!?]*\?+\s*$/i;
const RULE_FIRST = /^(?:what'?s|what\s+is|wats)\s+the\s+(?:deal|rule|rules|policy|position|guidance)\s+(?:with|on|about|for)\b[^.!?]*\?/i;
/** Something said to have happened or to be happening: the grammar of telling, not asking. */
const NARRATION = new RegExp([
  // "has posted", "have put", "had sent" (not "have to…", "has got to…")
  String.raw`\b(?:ha[sd]|have|'ve)\s+(?:just\s+|now\s+|already\s+|been\s+)?(?!to\b|got\s+to\b)(?:\w+ed|put|made|sent|written|wrote|said|set|shared|posted|shown|told|taken|got|left|spread|begun|started)\b`,
  // "is posting", "keeps messaging", "are being", "was calling" (a third party, not "is it…")
  String.raw`(?<!^)(?<!\bit\s)\b(?:is|are|was|were|keeps?|kept|been)\s+(?:still\s+|now\s+|always\s+)?\w+ing\b`,
  String.raw`(?<!\b(?:not|n't|never)\s)\b(?:posted|wrote|shared|sent|messaged|dm'?d|commented|uploaded|tagged|threatened|insulted|called|added|followed|contacted|texted|emailed|spread|created|screenshotted|filmed|photographed|made|started|hacked|showed|shown|told|asked|leaked)\b(?!\s+(?:back|yet)\b)`,
  String.raw`\b(?:got|been|was|were)\s+(?:shown|sent|told|asked|messaged|added|tagged|filmed|photographed|threatened|called)\b`,
  String.raw`\b(?:sends|posts|messages|texts|emails|comments|keeps)\s+(?:me|about|on|to|posting|messaging|sending)\b`,
  String.raw`(?:^|\bi(?:'ve| have)?\s+)(?:just\s+)?(?:seen|saw|heard|read|found|noticed|received|spotted|come across|came across|been sent|been told|been shown)\b`,
  String.raw`\bi\s*(?:'m|am)\s+being\b`,
  // "seems to be messaging", "appears to have shared"
  String.raw`\b(?:seems?|appears?)\s+to\s+(?:be\s+\w+ing|have\s+\w+ed)\b`,
  String.raw`\bthere(?:'s| is| are|s)\s+(?:a|an|some)\b.*\b(?:post|comment|photo|video|group|page|account|message|thread|picture)s?\b`,
].join('|'), 'i');
/** The message ends by asking whether I may do something ("…, can I reply?", "…. accept?", "ok to reply?"). */
const ENDS_ASKING =
  /\b(?:can|cn|could|may|should|shall|do|must|am|are)\s+(?:i|we)\b[^.!?]*\?*\s*$|[.?!]\s*(?:who|what|wat|when|where|which|how|whose)\b[^.!?]*\?\s*$|\b(?:right|ok|okay|yeah|surely|isn't it|is it)\s*\?+\s*$|(?:^|[,.;:!?–—-]\s*)(?:is it\s+)?(?:ok|okay|alright|fine|allowed)\s+(?:to\s+\w+|for me to\s+\w+)[^.!?]*\?*\s*$|(?:^|[,.;:!?–—-]\s*)(?:just\s+|should\s+i\s+|do\s+i\s+)?(?:accept|reply|respond|ignore|block|unfriend|delete)(?:\s+(?:it|them|him|her))?(?:\s+or\s+not)?\s*\?+\s*$|\b(?:is that|is this|would that be)\s+(?:a problem|ok|okay|allowed|alright)\s*\?*\s*$|(?:^|[.!?]\s+|\s[-–—]\s|\b(?:so|but|and)\s+)(?:is|was|would)\s+(?:that|this|it)\s+(?:\w+ly\s+)?(?:be\s+)?(?:ok|okay|alright|allowed|fine|a problem|acceptable|appropriate)\b[^.!?]*\?*\s*$|(?:^|[,;:!?–—-]\s*)(?:fine|ok|okay|alright|allowed)(?:\s+if\b[^.!?]*)?\s*\?+\s*$|\b(?:fine|ok|okay|alright|allowed)\s+(?:isn'?t|is)\s+it\b[^.!?]*$|\banything\s+(?:i|we)\s+(?:need|have|should|must)\b[^.!?]*\?*\s*$|(?:^|[.!?]\s+|\s[-–—]\s)(?:can|cn|could|may|should|am|do)\s+(?:i|we)\b[^.!?]{0,80}\?|[.?!]\s*(?:who|whose|which)\b[^.!?]*$|\bany\s+(?:harm|problem|issue)\s+(?:in|with)\s+(?:it|that|this)\s*\?*\s*$/i;
/** A question of what I may do, anywhere in a message ("is it ok to…?", "can I…?", "is there any rule on…"). */
const ASKS_ANYWHERE =
  /\b(?:can|cn|could|may|should|shall)\s+(?:i|we)\b[^.!?]*\?|\b(?:allowed|ok|okay|alright|fine|weird|wrong)\s+(?:for\s+me\s+)?to\b[^.!?]*\?|\bis\s+there\s+(?:a|any)\s+(?:rule|policy|guidance)\b|\b(?:harmless|fine|ok|okay|alright)[,]?\s+(?:surely|right|yeah)\b|\b(?:accept|reply|respond|ignore|block|unfriend|unfollow|follow(?:\s+back)?)\s+or\s+not\b/i;
const ASKING_PERMISSION = /^(?:can|could|may|am|is|are|should|must|do|does|would|will|shall|have|need)\s+(?:i|we|staff|teachers?|you|it|they)\b/i;
const ABOUT_OTHERS =
  /^(?:does|do|is|are|will|would|can|could|has|have)\s+(?:the|this|our|my)\s+(?:school|policy|federation|nursery|trust|academy|head(?:teacher)?|slt|governors?|governing body)\b|\b(?:policy|rules?)\s+(?:apply|applies|cover|covers|include|includes)\b/i;
const ASKS_MUST =
  /^(?:should|must|shall|do\s+i\s+(?:have|need)|does\s+\w+\s+(?:have|need)|have\s+i\s+got|need\s+i|am\s+i\s+(?:required|expected|supposed|meant))\b|\b(?:have to|need to|required to|supposed to|expected to|meant to)\b/i;
const ASKS_RULE =
  /^(?:can|cn|could|may|should|must|shall|do|need)\s+(?:i|we|staff|teachers?|adults?|employees?|you|u)\b|^(?:am|are)\s+(?:i|we|staff|teachers?)\s+(?:allowed|permitted|able|ok|okay|alright)\b|\b(?:allowed|ok to|okay to|alright to|permitted|(?:is|was|would)\s+(?:it|that|this)\s+(?:(?:still|really|actually|even|\w+ly)\s+)?(?:be\s+)?(?:ok|okay|alright|fine|acceptable|appropriate|a problem)|any (?:problem|harm))\b|\b(?:ok|okay|alright|fine|acceptable)\s*\??$/i;
/** "If I delete a post is it gone for good?", "does it still apply…": a question of fact, not of what I may do. */
// "do" after a subject or "to" is the verb itself ("can I do that from my phone"), not a question of fact;
// an adverb may stand before "ok" ("is that still ok").
const FACT = /(?<!\b(?:i|we|you|they|to|just|can|could|will|would|should|then|and|or)\s)\b(?:is|are|was|does|do|will|would)\s+(?:it|they|this|that|these|those|any of this|the rules?)\s+(?!(?:(?:still|even|really|actually|also|all|always|\w+ly)\s+)?(?:be\s+)?(?:ok|okay|alright|fine|allowed|acceptable|a problem)\b)\w+/i;
/** "could I lose my job…", "can I be sacked…", "will I get into trouble…": what happens to me, not what I may do. */
const CONSEQUENCE = /^(?:can|could|would|will|might|may)\s+(?:i|we|staff|teachers?|you)\s+(?:be\s+\w+ed|get\s+(?:\w+ed|sacked|into|in)|lose|face|end up)\b/i;
/** Harms that put a child at risk (safeguarding), as the vocabulary names them. */
const RISK = new Set(['risk', 'sexual', 'extremism']);
const SUSPICION = /\bi\s+(?:think|suspect|believe|(?:'m|am)\s+(?:worried|concerned))\b/i;
const ME = /\b(?:me|my|our|us|i'm|im)\b/i;

/** Parties a message may ask about, as the one doing the thing ("Can parents…", "Are pupils allowed…"). */
const SUBJECT_OF: Record<string, Party> = { parent: 'parents', pupil: 'pupils', expupil: 'pupils', governor: 'governors' };

/** Intent, form, subject and ages of one message, from its text and its terms. */
export function readQuestion(text: string, terms: Term[]): QuestionReading {
  const whole = withApostrophes(text.trim().replace(/\s+/g, ' '));
  const tail = questionTail(whole) ?? lastQuestion(whole) ?? whole;
  // "any harm in it?" asks whether something is all right; it names no harm.
  const named = terms.filter((t, i) => !(t.text === 'harm' && terms[i - 1]?.text === 'any'));
  const harm = named.some((t) => t.concepts.some((c) => concept(c).slot === 'harm'));
  const risk = named.some((t) => t.concepts.some((c) => RISK.has(c)));
  // "lies about me", "trolling me", "calling me a…": the harm is done to the one telling.
  const harmToMe = named.some((t, i) => t.concepts.some((c) => concept(c).slot === 'harm') && (/\bme\b/.test(t.text) || named.slice(Math.max(0, i - 3), i + 4).some((n) => n.text === 'me' || n.text === 'myself')));
  const people = terms.some((t) => t.concepts.some((c) => concept(c).slot === 'people' && c !== 'staff' && c !== 'public'));
  const read: QuestionReading = { intent: intentOf(whole, formOf(whole), harm, people, risk, harmToMe), form: formOf(tail), ages: readAges(whole) };
  if (EXISTING.test(whole)) read.existing = true;
  if (NEED_HELP.test(tail)) read.asksSteps = true;
  if (CONSEQUENCE.test(tail) || FACT.test(tail)) read.consequence = true;
  else if (ABOUT_OTHERS.test(tail)) read.aboutOthers = true;
  else if (ASKS_MUST.test(tail)) read.asksRule = 'must';
  else if (ASKS_RULE.test(tail)) read.asksRule = 'may';
  const subject = subjectOf(tail, terms);
  if (subject) read.subject = subject;
  return read;
}

function formOf(q: string): QuestionForm {
  if (WHAT_IF.test(q)) return 'whatif';
  if (/^(?:who|whose|what|wat|wot|when|where|which|how|why)\b/i.test(q)) return 'wh';
  if (/^(?:can|cn|could|may|am|is|are|should|must|do|does|would|will|shall|have|need|any)\b|\b(?:allowed|ok to|okay to|alright to|permitted)\b/i.test(q)) return 'yesno';
  return 'statement';
}

/** "A parent asked about the trip in the class WhatsApp, can I answer them?": the question after the story. */
function questionTail(q: string): string | undefined {
  const m = /(?:[,;:.!?]|\s[-–—])\s*(?:so\s+|but\s+|and\s+)?((?:can|cn|could|may|am|should|must|do|shall|is it)\s+(?:i|we|ok|okay|alright)\b.*)$/i.exec(q);
  return m && m.index > 0 ? m[1] : undefined;
}

/** "S1 girl won the cross country - before I stick her photo up, is there anything I've got to check?": the last question asked. */
function lastQuestion(q: string): string | undefined {
  if (!/\?\s*$/.test(q)) return undefined;
  const parts = q.replace(/\?\s*$/, '').split(/(?:[.!?;]|\s[-–—]|,)\s+/);
  for (let i = parts.length - 1; i > 0; i--) {
    const p = parts[i]!.trim();
    if (/^(?:who|what|wat|when|where|which|how|why|can|cn|could|may|am|is|are|should|must|do|does|would|will|shall|have|need|any)\b/i.test(p)) return p;
  }
  return undefined;
}

/** The party the question asks about as the one who acts ("Can parents post…"), if not the asker. */
function subjectOf(q: string, terms: Term[]): Party | undefined {
  const m = /^(?:can|could|may|should|must|are|is|do|does|will|would)\s+(?:a|the|our|any)?\s*(\w+(?:\s+\w+)?)/i.exec(q);
  const lead = m ? terms.find((t) => m[1]!.toLowerCase().startsWith(t.text)) : undefined;
  const viaLead = lead?.concepts.map((c) => SUBJECT_OF[c]).find(Boolean);
  if (viaLead && !/^(?:i|we|you)\b/i.test(m![1]!)) return viaLead;
  const allowed = /\b(\w+)\s+(?:are\s+|is\s+)?(?:allowed|permitted|able)\b/i.exec(q);
  if (allowed) {
    const t = terms.find((x) => x.text === allowed[1]!.toLowerCase());
    const p = t?.concepts.map((c) => SUBJECT_OF[c]).find(Boolean);
    if (p) return p;
  }
  if (/\b(?:as a governor|i(?:'m| am) a governor)\b/i.test(q)) return 'governors';
  return undefined;
}

/** "Ive seen", "Im being", "dont": staff often type contractions without the apostrophe. */
function withApostrophes(q: string): string {
  return q.replace(/\b(i)(ve|m|d|ll)\b/gi, "$1'$2").replace(/\b(don|doesn|didn|isn|wasn|can|won|shouldn)t\b/gi, "$1't");
}

function intentOf(q: string, form: QuestionForm, harm: boolean, people: boolean, risk: boolean, harmToMe = false): Intent {
  // "I think a colleague is grooming a child": a suspicion voiced is a concern to pass on.
  if ((harm || (people && NARRATION.test(q))) && SUSPICION.test(q) && !ASKING_PERMISSION.test(q)) return 'report';
  // "What happens if…" is hypothetical, unless it is about a child at risk from someone else.
  if (form === 'whatif') return risk && !/\bi\b/i.test(q.split(/\bif\b/i)[1] ?? '') ? 'report' : 'ask';
  // "What should I do if a parent sends me a friend request?" is a hypothetical: a question, unless harm is named.
  if (NEED_HELP.test(q)) return harm || (NARRATION.test(q) && !/\bif\b/i.test(q)) ? 'report' : 'ask';
  // One sentence asking who, what, where… ("whose job is it to delete nasty comments on our page?"),
  // or a message that opens by asking the rule ("whats the deal with using my gmail…? …"): a question.
  if (WH_ONLY.test(q) || RULE_FIRST.test(q)) return 'ask';
  // "A parent added me on Facebook, accept?": a story told to ask what I may do, with no harm in it.
  if (!harm && ENDS_ASKING.test(q)) return 'ask';
  // "…is it weird / allowed to add other teachers? my HoD followed me yesterday": no harm told of, and a
  // question of what I may do asked anywhere in it.
  if (!harm && !risk && ASKS_ANYWHERE.test(q)) return 'ask';
  // "…slags off SLT all the time. can i post that…?", "…a child was hurt on the climbing frame. can i
  // reply to reassure everyone?": a harm told of, but not to me nor a child at risk, and the message
  // ends by asking what I may do.
  if (harm && !harmToMe && !risk && FINAL_PERMISSION.test(q)) return 'ask';
  // "Should I delete abusive messages someone sends me?": an incident, even in a question's words.
  if (harm && NARRATION.test(q) && ME.test(q) && !/^(?:can|could|may|am)\s+i\b/i.test(q)) return 'report';
  if (ASKING_PERMISSION.test(q) && !/\b(?:report|tell)\b/i.test(q)) return 'ask';
  if (form === 'wh') return 'ask';
  if (NARRATION.test(q) && !/^if\b/i.test(q) && (harm || people || ME.test(q))) return 'report';
  return harm && ME.test(q) ? 'report' : 'ask';
}
