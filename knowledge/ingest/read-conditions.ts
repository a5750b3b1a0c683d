// The conditions a rule carries, read once at ingest: its exception ("…unless they are family
// members", "other than…") and its limit ("only during breaks", "school devices only"). The matcher
// weighs the question against them: a question that meets the exception is not answered by the rule.

/** "unless X", "except (where/for/when) X", "other than X", "apart from X", "with the exception of X", "save where X". */
const EXCEPTION =
  /\b(?:unless|except(?:\s+(?:where|when|for|if|that|in))?|other\s+than|apart\s+from|with\s+the\s+exception\s+of|save\s+(?:where|for|when)|excluding|the\s+only\s+exceptions?\s+(?:is|are|being))\b[:,]?\s+(.{3,200}?)(?=\s*(?:[.;)]|,\s+(?:and|but|or)\b|\s+(?:and|but)\s+(?:any|the|a|this|all|if|must|should|will|staff)\b|$))/i;

/** "only during X", "only on X", "only with X", "only if X"… */
const ONLY_PREP =
  /\bonly\s+(?:(?:be\s+)?(?:permitted|allowed|used|acceptable|accessed|taken|made|done|sent|posted|shared|published)\s+)?((?:during|on|in|at|within|through|via|from|using|with|when|if|where|while|whilst|for|by|to|after|before|between|outside)\b.{2,160}?)(?=\s*(?:[,.;)]|\s+(?:and|but)\s+(?:any|the|a|this|all|if|must|should|will|staff)\b|$))/i;
/** "must limit their use … to their official rest breaks", "restricted to lunchtimes". */
const LIMIT_TO = /\b(?:limit|restrict|confine)(?:s|ed|ing)?\s+(?:[^.;]{0,80}?\s+)?to\s+((?:their|the|your|our|official|rest|lunch|break|non-contact|designated|agreed)\b[^.;,(]{2,80}?)(?=\s*(?:[,.;(]|\s+(?:whilst|while|and|but)\b|$))/i;
/** "school devices only", "the school account only". */
const NOUN_ONLY = /\b((?:[\w'’-]+\s+){1,3}?)only(?=\s*(?:[.,;)]|$))/i;

export interface Conditions {
  exception?: string;
  limit?: string;
}

/** The exception and limit a sentence states, if any. */
export function readConditions(sentence: string): Conditions {
  const out: Conditions = {};
  const e = EXCEPTION.exec(sentence);
  if (e) out.exception = e[1]!.trim();
  const l = ONLY_PREP.exec(sentence) ?? LIMIT_TO.exec(sentence) ?? NOUN_ONLY.exec(sentence);
  if (l && !/^(?:not|the|a|an)\s*$/i.test(l[1]!.trim())) out.limit = l[1]!.trim();
  return out;
}
