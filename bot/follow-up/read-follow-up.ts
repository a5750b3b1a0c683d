// A short follow-up read with the question before it: "what about ex-pupils?" after "can I follow a
// pupil on Instagram?" is asked as "can I follow ex-pupils on Instagram?". Pure functions over text;
// the words are kinds of thing any policy's questions name (platforms, people, devices), not
// phrases of one question.

/** Words that open a follow-up, and what stays of them in the question it is read into. */
const openers: { pattern: RegExp; keep?: string }[] = [
  { pattern: /^(?:and\s+|but\s+)?(?:what|how)\s+about\s+(?:if\s+)?/i },
  { pattern: /^(?:and\s+|but\s+)?(?:even\s+if|what\s+if|only\s+if)\s+/i, keep: 'even if' },
  { pattern: /^(?:and\s+|but\s+)?even\s+though\s+/i, keep: 'even though' },
  { pattern: /^(?:and|also|or|same\s+for|the\s+same\s+for)\s+/i },
];

/** A question of its own: "can I…", "is it ok to…", "do I have to…", "should staff…". */
const ownQuestion = /^(?:please\s+)?(?:can|could|may|might|should|shall|must|am|are|is|do|does|did|will|would|have|has|what|who|when|where|why|how|which)\b(?!\s+about\b)/i;

/** Most words a follow-up without an opener may have ("ex-pupils?", "on Instagram?"). */
const maxBareWords = 4;

/** Kinds of thing a follow-up swaps into the earlier question. */
const kinds: RegExp[] = [
  // Platforms, with "on" where given.
  /\b(?:on\s+|via\s+|through\s+)?(?:facebook|instagram|twitter|x\.com|tiktok|snapchat|whatsapp|linkedin|youtube|threads|bluesky|pinterest|reddit|discord|messenger|telegram|signal|twitch|mastodon|bereal)\b/i,
  // People, with a determiner and "ex-"/"former" where given.
  /\b(?:(?:a|an|the|my|our|your|their|any|some|other)\s+)?(?:(?:ex|former|past|old)[- ]?)?(?:pupils?|students?|children|child|kids?|parents?|carers?|families|colleagues?|governors?|teachers?|staff|alumni|volunteers?)\b/i,
  // Devices, with whose they are where given.
  /\b(?:(?:a|the|my|my\s+own|our|a\s+personal|the\s+school(?:'s)?|school)\s+)?(?:phones?|mobiles?|laptops?|computers?|tablets?|ipads?|devices?|cameras?)\b/i,
];

/** What a message is: a follow-up (and its rest, with the opener's kept words), or a question of its own. */
export function readFollowUp(text: string): { rest: string; keep?: string } | undefined {
  const trimmed = text.trim().replace(/[?.!]+$/, '').trim();
  if (!trimmed || trimmed.length > 120) return undefined;
  for (const { pattern, keep } of openers) {
    const m = pattern.exec(trimmed);
    if (m && trimmed.length > m[0].length) return { rest: trimmed.slice(m[0].length).trim(), ...(keep ? { keep } : {}) };
  }
  if (ownQuestion.test(trimmed)) return undefined;
  // A few words naming a thing of a known kind ("ex-pupils?", "on Instagram?") and nothing else.
  if (trimmed.split(/\s+/).length <= maxBareWords && kinds.some((k) => k.test(trimmed))) return { rest: trimmed };
  return undefined;
}

/**
 * The earlier question with the follow-up read into it: a platform, person or device named in the
 * follow-up replaces the one of the same kind in the earlier question; anything else is added to it.
 */
export function combine(previous: string, followUp: { rest: string; keep?: string }): string {
  const base = previous.trim().replace(/[?.!]+$/, '').trim();
  const rest = followUp.rest.replace(/^(?:they|them)\s+(?:are|were)\b/i, "they're");
  if (followUp.keep) return `${base} ${followUp.keep} ${rest}?`;
  for (const kind of kinds) {
    const named = kind.exec(rest);
    const before = kind.exec(base);
    if (!named || !before) continue;
    // The kind stands alone in the follow-up ("ex-pupils", "on Instagram"): swap it in whole.
    if (named[0].trim().length >= rest.length - 2) {
      const replacement = /^(on|via|through)\s/i.test(before[0]) && !/^(on|via|through)\s/i.test(named[0]) ? `on ${named[0]}` : named[0];
      return `${base.slice(0, before.index)}${replacement}${base.slice(before.index + before[0].length)}?`;
    }
  }
  // A platform or device alone, with no "on": "and Instagram?" after a question naming none reads "… on Instagram".
  const placeLike = [kinds[0], kinds[2]].some((k) => k.exec(rest)?.[0] === rest);
  const addition = placeLike && !/^(on|via|through)\s/i.test(rest) ? `on ${rest}` : rest;
  return `${base} ${addition}?`;
}
