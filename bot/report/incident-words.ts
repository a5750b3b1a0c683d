// A safety net for channels: words that suggest someone is describing an incident (a post about a
// person, abuse, a threat, a child at risk). Such a message is moved to a DM even when the answers
// module read it as a question: a wrongly private answer costs little, a public one can cost a lot.

const incident =
  /\b(posted|has posted|post(ed|ing)? (about|of)|comment(ed|s)? (about|on)|calling|called (me|her|him|them)|abus\w*|threat\w*|troll\w*|insult\w*|racist|nudes?|indecent|at risk|worried about|bully\w*|mocking|defam\w*|liar|radicali[sz]\w*|groom\w*)\b/i;

/** True when the text reads like an account of an incident rather than a question about the rules. */
export function looksLikeIncident(text: string): boolean {
  return incident.test(text);
}
