// Word stems (post/posts/posting/posted → "post"): the Porter2 (Snowball English) stemmer, cached.

import porter2 from 'wink-porter2-stemmer';

const cache = new Map<string, string>();

/**
 * Words whose stem would merge two meanings the matcher must keep apart: "information" (facts) is
 * not "inform" (to tell someone), a reporter (the press) does not report a concern, a manager is a
 * person and "manage" an action, a setting (a nursery) is not privacy settings nor "set", a
 * promotion (a career step) is not promoting a business, "school-sanctioned" is approved, not punished,
 * and breaking a rule is a breach, not a rest break.
 */
const OWN_STEM: ReadonlyMap<string, string> = new Map([
  ['information', 'information'],
  ['reporter', 'reporter'],
  ['reporters', 'reporter'],
  ['manager', 'manager'],
  ['managers', 'manager'],
  ['setting', 'setting'],
  ['settings', 'settings'],
  ['promotion', 'promotion'],
  ['promotions', 'promotion'],
  ['sanctioned', 'sanctioned'],
  // Breaking a rule is a breach; a break is a rest from work.
  ['breaking', 'breach'],
  ['broke', 'breach'],
  ['broken', 'breach'],
  // "before mocks" are exams in a school; mocking someone is abuse.
  ['mocks', 'mocks'],
  // "SATs dates", "the fete dates" are days in the calendar; dating is not.
  ['dates', 'dates'],
  // "grabbed her by the arm" is force; "grab a couple of shots" is not.
  ['grabbed', 'grabbed'],
  // "pushed him against the wall" is force; "push the newsletter out", "push notifications" are not.
  ['pushed', 'pushed'],
  // Inflections Porter2 cuts short of their verb ("added" → "ad", "sued" → "su").
  ['added', 'add'],
  ['adding', 'add'],
  ['dms', 'dm'],
  ['dmd', 'dm'],
  ['dmed', 'dm'],
  ['dming', 'dm'],
  ['sued', 'sue'],
  ['suing', 'sue'],
]);

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = OWN_STEM.get(word) ?? porter2(word);
    if (cache.size < 100_000) cache.set(word, s);
  }
  return s;
}
