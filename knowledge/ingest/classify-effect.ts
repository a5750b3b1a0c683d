// Reads what a sentence does from its wording: forbids, permits, needs someone's permission,
// discourages, requires or informs. Rules on the language only; nothing is typed per clause.

import type { Effect } from '../types.js';

export interface EffectReading {
  effect: Effect;
  permissionFrom?: string;
}

const CAUTION =
  /\b(?:(?:be|being|are|is)\s+(?:very\s+|extremely\s+)?(?:cautious|wary)|exercise\s+(?:\w+\s+)?caution|(?:strongly\s+)?advis(?:e|es|ed)\s+(?:(?:you|staff|all\s+staff|employees|colleagues)\s+)?(?:against|not\s+to)|(?:are|is)\s+(?:strongly\s+)?advised\s+to\s+avoid|recommended\s+(?:not\s+to|to\s+refrain)|refrain\s+from|(?:is|are)\s+(?:strongly\s+)?discouraged|not\s+(?:recommended|advisable|advised)|should\s+avoid|try\s+to\s+avoid|(?:asked|requested|encouraged|expected)\s+to\s+avoid|best\s+avoided|(?:would|'d)\s+(?:rather|prefer(?:\s+it\s+if)?)\s+(?:you|staff|colleagues|people|everyone)\s+(?:did\s+not|didn'?t|do\s+not|don'?t|not|never)|think\s+(?:very\s+)?carefully|(?:be|are)\s+careful\s+(?:about|when|with|not))\b/i;

const FORBID =
  /\b(?:(?:must|should|shall|will|may|can|do|does)\s+not\b(?!\s+(?:only|necessarily|limited))|(?:are|is)\s+not\s+(?:to|allowed|permitted|acceptable|appropriate)\b|(?:are|is)\s+not\s+(?:the|an?)\s+(?:appropriate|right|proper|suitable)\s+(?:place|forum|way|channel|platform|means)\b|mustn'?t|shouldn'?t|can'?t|cannot|won'?t|don'?t|doesn'?t|never|under\s+no\s+circumstances|no\s+circumstances|not\s+(?:be\s+)?(?:allowed|permitted|acceptable|appropriate|tolerated|considered\s+acceptable)|prohibited|forbidden|banned|unacceptable|at\s+no\s+time|must\s+avoid|not\s+to\s+be\s+used|(?:are|is)\s+(?:asked|requested|expected|required)\s+not\s+to|(?:we|the\s+school|the\s+trust)\s+asks?\s+(?:\w+\s+){0,3}?not\s+to)\b/i;

const REQUIRE =
  /\b(?:must|shall|should|ought\s+to|needs?\s+to|(?:is|are)\s+required|required\s+to|requirement|(?:is|are)\s+expected|expected\s+to|ha(?:ve|s)\s+a\s+duty|responsible\s+for|it\s+is\s+essential|always|ensure|make\s+sure|(?:is|are)\s+obliged|will\s+need\s+to|(?:are|is)\s+(?:asked|requested)\s+to|(?:we|the\s+school|the\s+trust)\s+asks?\s+(?:\w+\s+){0,3}?to)\b/i;

const LIMITED =
  /\b(?:only|limit\w*)\b[^.]{0,80}\b(?:during|to)\b[^.]{0,30}\b(?:breaks?|lunch\w*|own time|personal time)\b/i;

const PERMIT_PHRASE =
  /\b(?:(?:is|are)\s+(?:only\s+)?(?:permitted|allowed|acceptable|encouraged|welcome)|(?:you|staff)\s+(?:are\s+)?(?:very\s+)?welcome\s+to|only\s+permitted|acceptable\s+to|free\s+to|entitled\s+to|it\s+is\s+(?:fine|ok|okay)|(?:are|is)\s+(?:actively\s+)?encouraged)\b/i;

const PARTY_MODAL =
  /\b(?:staff|adults?|you|employees?|parents?|carers?|members?(?:\s+of\s+staff)?|teachers?|they|governors?|volunteers?|pupils?|everyone|individuals?|I)\s+(?:may|can)\s+(?!not\b|also\s+be\b|be\b|wish\b|lead\b|result\b|have\b|need\b|remain\b|cause\b|damage\b)/i;

const WHO = String.raw`([^.;,()]{3,80}?)(?=\s*(?:[.;,()]|$|\s+(?:to|before|in advance|for|on|and then|prior)\b))`;

const PERMISSION: RegExp[] = [
  new RegExp(String.raw`\b(?:without|unless\s+(?:they|you|staff)\s+have)\s+(?:the\s+)?(?:\[?(?:express|explicit|written|prior|advance|specific)\]?\s+){0,3}(?:permission|consent|approval|authori[sz]ation|agreement)\s+(?:of|from|by)\s+${WHO}`, 'i'),
  new RegExp(String.raw`\b(?:permission|consent|approval|authori[sz]ation)\b[^.]{0,200}?\b(?:must|should|needs?\s+to|has\s+to|will\s+need\s+to)\s+(?:also\s+)?(?:first\s+)?be\s+(?:sought|obtained|given|granted|gained)\s+(?:from|by)\s+${WHO}`, 'i'),
  new RegExp(String.raw`\b(?:must|should|needs?\s+to)\s+(?:first\s+)?(?:also\s+)?(?:be\s+)?(?:\w+\s+(?:with\s+)?and\s+)?(?:approved|authori[sz]ed|agreed|sanctioned|cleared|signed\s+off)\s+(?:in\s+advance\s+)?(?:by|with)\s+${WHO}`, 'i'),
  new RegExp(String.raw`\b(?:with|after|given)\s+(?:the\s+)?(?:\[?(?:express|explicit|written|prior|advance)\]?\s+){0,3}(?:permission|consent|approval|agreement)\s+(?:of|from|by)\s+${WHO}`, 'i'),
  new RegExp(String.raw`\bagreed\s+(?:with|by)\s+${WHO}\s+in\s+advance`, 'i'),
  /\b(?:with|after|given|without)\s+((?:the|your|their|a)\s+[\w/ ]{2,40}?)['’]s\s+(?:\w+\s+)?(?:permission|consent|approval|agreement)\b/i,
  new RegExp(String.raw`\b(?:check\s+with|talk\s+to|speak\s+to|speak\s+with|ask)\s+${WHO}\s+before\b`, 'i'),
  // "Where no school phone is available, the trip leader may authorise…": with that person's say-so.
  /\b((?:the|a|your)\s+[\w/ ]{2,40}?)\s+(?:may|can|will|must)\s+(?:first\s+)?(?:authori[sz]e|approve|sanction|sign\s+off)\b/i,
  // "Please don't set up a page without talking to Mrs Hargreaves first": with her agreement only.
  /\bwithout\s+(?:first\s+)?(?:talking\s+to|speaking\s+to|asking|checking\s+with|consulting|clearing\s+it\s+with|discussing\s+it\s+with)\s+([^.;,()]{3,60}?)(?=\s*(?:first|beforehand|in\s+advance)?\s*(?:[.;,()]|$))/i,
  new RegExp(String.raw`\b(?:ask|seek|get|obtain)\s+(?:the\s+)?(?:permission|consent|approval|agreement)\s+(?:of|from)\s+${WHO}`, 'i'),
  new RegExp(String.raw`\bprior\s+approval\s+(?:by|from|of)\s+${WHO}`, 'i'),
  new RegExp(String.raw`\bunless\s+(?:it\s+is\s+)?(?:agreed|approved|authori[sz]ed)\s+(?:in\s+advance\s+)?by\s+${WHO}`, 'i'),
  /\b(parents?(?:\s+and\s+carers|\s*\/\s*carers)?|carers?)\s+must\s+(?:first\s+)?give\s+(?:their\s+)?(?:written\s+)?consent\b()/i,
  // "where the headteacher has given written approval", "subject to approval by the Headteacher".
  /\b(?:where|if|when|once|after|provided(?:\s+that)?)\s+((?:the|a|their|your)\s+[\w/ ]{2,40}?)\s+(?:has|have)\s+(?:first\s+)?(?:given|granted|agreed)\s+(?:\w+\s+){0,2}?(?:approval|permission|consent|agreement)?\b/i,
  new RegExp(String.raw`\bsubject\s+to\s+(?:the\s+)?(?:\w+\s+)?(?:approval|permission|consent|agreement|authori[sz]ation)\s+(?:of|from|by)\s+${WHO}`, 'i'),
  // "any member of staff the Headteacher has agreed may keep a phone": with that person's agreement.
  /\b((?:the|a|their|your)\s+[\w/ ]{2,40}?)\s+(?:has|have)\s+(?:agreed|approved|allowed|authori[sz]ed)\s+(?:may|can)\b/i,
  // "Only staff approved by the Headteacher may run…": anyone else needs that approval first.
  /\bonly\s+(?:\w+\s+){0,3}?(?:approved|authori[sz]ed|nominated|designated|appointed|agreed)\s+(?:in\s+advance\s+)?by\s+([^.;,()]{3,60}?)(?=\s+(?:may|can|should|will|are|is)\b)/i,
  new RegExp(String.raw`\b(?:must|should|will\s+need\s+to|needs?\s+to)\s+(?:first\s+)?(?:seek|get|obtain|have)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:approval|permission|consent|agreement|authori[sz]ation)\s+(?:of|from)\s+${WHO}`, 'i'),
];

const PERMISSION_NO_WHO =
  /\b(?:unless\s+(?:\w+\s+){0,2}(?:authori[sz]ed|approved|sanctioned)|subject\s+to\s+(?:\w+\s+)?(?:approval|permission|consent)|(?:have|get|obtain|seek|gain)\s+(?:\w+\s+){0,2}(?:permission|consent|approval)|(?:permission|consent|approval)\s+(?:\w+\s+){0,8}(?:should|must)\s+be\s+(?:sought|obtained)|only\s+(?:with|after)\s+(?:\w+\s+){0,2}(?:permission|consent|approval))\b/i;

/** "…, as long as / provided that / so long as / on condition that …": a condition on what the sentence allows. */
const PROVISO = /,?\s*\b(?:as\s+long\s+as|so\s+long\s+as|provided(?:\s+that)?|providing(?:\s+that)?|on\s+condition\s+that)\b.*$/i;

/** "whether something is acceptable": a question the rule raises, not a permission it gives. */
const WHETHER = /\bwhether\s+(?:\w+\s+){0,4}?(?:is|are)\s+(?:acceptable|allowed|permitted|appropriate)\b/gi;
/** A list item after "We ask parents to:" that reads "not post…": the item forbids. */
const NOT_ITEM = /^\s*(?:and\s+|or\s+)?not\s+(?!only\b|just\b|all\b|necessarily\b)[a-z]+\b/i;
/** "No filming of pupils…", "NO personal contact with pupils": a rule with no verb, forbidding. */
const NO_NOUN = /^\s*(?:there\s+(?:must|should|will)\s+be\s+)?no\s+(?!one\b|body\b|longer\b|more\b|later\b|other\b|matter\b|doubt\b|exception\b|need\b|circumstances\b)[a-z]{3,}/i;
/** "Only the Headteacher and the office manager post…", "X is the only member of staff that can…": no one else may. */
const ONLY_OTHERS =
  /^\s*only\s+(?!when\b|if\b|with\b|after\b|during\b|where\b|use\b|post\b|share\b|contact\b)(?:the\s+|designated\s+|approved\s+|named\s+)?[a-z][\w/ ,]{0,60}?\s+(?:may|can|are\s+(?:allowed|permitted|able)|is\s+(?:allowed|permitted|able)|post|posts|have\s+access|has\s+access)\b|\bis\s+the\s+only\s+(?:member|person|one)\b[^.]{0,40}\b(?:can|may|that\s+can|who\s+can)\b/i;

/** "…are made only by the Marketing Team" (a named team or role, not staff at large). */
const ONLY_BY =
  /\b(?:are|is)\s+(?:\w+\s+)?(?:made|posted|published|run|managed|sent|done|uploaded|shared|updated|written)\s+only\s+by\s+(?!(?:all\s+|any\s+)?(?:staff|members?\s+of\s+staff|employees|adults|practitioners|teachers|colleagues)\b)/i;

/** "Staff do not have to…", "are not required to…", "need not…": an obligation denied, not a prohibition. */
const NO_DUTY =
  /\b(?:(?:do|does|will)\s+not\s+(?:have|need)\s+to|don'?t\s+(?:have|need)\s+to|doesn'?t\s+(?:have|need)\s+to|need\s+not|needn'?t|no\s+need\s+to|(?:are|is)\s+not\s+(?:expected|required|obliged)\s+to|not\s+(?:obliged|required)\s+to|(?:do|does|will)\s+not\s+(?:expect|require)\s+(?:\w+\s+){0,2}?to)\b/i;

/** What one sentence (or part of one) does, or undefined when its wording says nothing normative. */
export function readEffect(sentence: string): EffectReading | undefined {
  const whole = withoutQuotes(sentence).replace(WHETHER, ' ');
  // "You may share posts…, as long as you do not add comments": the condition's "do not" limits
  // what is allowed; it does not forbid the sentence's act. Whose permission it needs may be in it.
  const s = whole.replace(PROVISO, '') || whole;
  // "Staff do not have to…", "are not expected to…": no duty, so the act is left to them.
  if (NO_DUTY.test(s)) return { effect: 'permits' };
  if (CAUTION.test(s)) return { effect: 'discourages' };
  // "Results-day posts are made only by the Marketing Team, and only with…": no one else makes them.
  if (ONLY_BY.test(s)) return { effect: 'forbids' };
  const who = permissionFrom(whole);
  if (who !== undefined) return who ? { effect: 'permission', permissionFrom: who } : { effect: 'permission' };
  if (FORBID.test(s) || NOT_ITEM.test(s) || ONLY_OTHERS.test(s) || NO_NOUN.test(s)) return { effect: 'forbids' };
  // "only permitted during lunch", "limit their use to rest breaks": allowed, within limits.
  if (LIMITED.test(s)) return { effect: 'permits' };
  const permit = firstIndex(s, [PERMIT_PHRASE, PARTY_MODAL]);
  const require = firstIndex(s, [REQUIRE, /^\s*I\s+will\b/, IMPERATIVE, ADVISED, LED_IMPERATIVE]);
  if (permit < require) return { effect: 'permits' };
  if (require < Infinity) return { effect: 'requires' };
  return undefined;
}

/** Whose permission a sentence asks for: a name, '' when it names no one, undefined when none needed. */
export function permissionFrom(sentence: string): string | undefined {
  for (const re of PERMISSION) {
    const m = re.exec(sentence);
    if (m) return tidyWho(m[1] ?? '');
  }
  return PERMISSION_NO_WHO.test(sentence) ? '' : undefined;
}

/** The polarity a list's heading or lead-in gives its items ("The Don'ts", "must not:"). */
export function readListPolarity(leadOrHeading: string): Effect | undefined {
  const s = leadOrHeading.toLowerCase().trim();
  if (/\b(?:don'?ts?|do not|must not|should not|never|not (?:considered )?acceptable|unacceptable|inappropriate|prohibited|not (?:allowed|permitted)|forbidden|avoid|will not)\b/.test(s)) return 'forbids';
  // "Please:" over a list: each item is asked of staff.
  if (/\b(?:do'?s|dos)\b|^do$|^please:?$|\b(?:must|should|required|expected|ensure|always)\b/.test(s)) return 'requires';
  if (/\b(?:may|can|acceptable|allowed|permitted)\b/.test(s)) return 'permits';
  return undefined;
}

/** "Before a photo goes on the website, check…", "If you make a mistake, tell…": a command after its condition. */
const LED_IMPERATIVE_SOURCE = String.raw`^\s*(?:before|when|whenever|if|after|once|where)\b.{3,120}?,\s*(?:please\s+)?`;

/** A sentence that opens with a command verb ("Check your settings…"). */
export const IMPERATIVE =
  /^\s*(?:\w+ly\s+)?(?:check|keep|make|use|ensure|think|seek|report|consider|be|take|know|review|set|tell|ask|remember|treat|respect|follow|protect|express|stay|turn|contact|speak|inform|record|add|read|raise|act|switch|limit|delete|block|save|screenshot|talk|get|put|choose|apply|update|attend|comply)\b/i;
const ADVISED = /\b(?:advised|recommended|urged)\s+to\b/i;
const LED_IMPERATIVE = new RegExp(LED_IMPERATIVE_SOURCE + IMPERATIVE.source.replace(/^\^\\s\*/, ''), 'i');

function firstIndex(s: string, res: RegExp[]): number {
  let best = Infinity;
  for (const re of res) {
    const m = re.exec(s);
    if (m && m.index < best) best = m.index;
  }
  return best;
}

function withoutQuotes(s: string): string {
  // A quoted statement ("The views I express here are mine alone…") is an example, not a rule.
  return s.replace(/["“][^"”]{20,}["”]/g, ' ');
}

function tidyWho(raw: string): string {
  return raw
    .replace(/[\[\]]/g, '')
    .replace(/\s+(?:to do so|in advance|beforehand)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The polarity a short list or table title gives ("The Don'ts", "Do", "Never", "Things to avoid"),
 * or the verdict part of a graded code's heading ("RED: never", "Amber – only with approval",
 * "Green: fine"); long headings give none.
 */
export function readHeadingPolarity(heading: string): Effect | undefined {
  const whole = headingPolarity(heading);
  if (whole) return whole;
  // "4. RED: never": the words after the last colon or dash are the verdict, the rest a label.
  const tail = /[:–—]|\s-\s/.test(heading) ? heading.split(/[:–—]|\s-\s/).pop() : undefined;
  return tail ? headingPolarity(tail) : undefined;
}

function headingPolarity(text: string): Effect | undefined {
  const s = text.toLowerCase().replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(?:the )?(?:don'?ts?|do not|never|avoid|things to avoid|what not to do|you must not|you should not|not acceptable|unacceptable(?: \w+)?|please don'?t|not allowed|not permitted|prohibited|forbidden|no)$/.test(s)) return 'forbids';
  if (/^(?:only )?(?:with|after|needs?|requires?) (?:prior |written )?(?:approval|permission|consent)(?: first)?$|^(?:approval|permission) (?:needed|required|first)$|^ask first$|^check first$/.test(s)) return 'permission';
  if (/^(?:the )?(?:do'?s|dos|do|always|what to do|you must|you should|please do)$/.test(s)) return 'requires';
  if (/^(?:fine|ok|okay|allowed|permitted|acceptable|you can|yes|go ahead|generally fine)$/.test(s)) return 'permits';
  return undefined;
}
