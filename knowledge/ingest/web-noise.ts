// Lines a policy copied from a school website carries that are not policy: menus, cookie banners,
// breadcrumbs, share and print links, footers. Shared by the block reader and the set-aside step.

const NOISE =
  /^(?:skip to (?:main )?content|main menu|menu|home|search|search this site|cookies?\b.*|accept(?: all)? cookies|reject(?: all)?(?: cookies)?|manage (?:cookie )?preferences|cookie settings|share(?: this(?: page)?)?|print(?: this page)?|back to top|top of page|copyright\b.*|©.*|follow us.*|sign in|log ?in|subscribe.*|related (?:pages|links)|you are here.*|page \d+(?: of \d+)?|\d{1,3}|-{3,}.*|_{3,}|\.{3,}|previous|next|breadcrumbs?)$/i;
/** "We use cookies on this website…": the banner sentence, whatever its wording. */
const COOKIE_BANNER = /\b(?:we use|this (?:site|website) uses)\s+cookies\b|\b(?:accept|agree to)\s+(?:our\s+)?(?:use of\s+)?cookies\b/i;

/** True for a line or block that is website furniture rather than policy text. */
export function isWebNoise(text: string): boolean {
  const t = text.trim();
  return NOISE.test(t) || (COOKIE_BANNER.test(t) && t.split(/\s+/).length <= 45);
}
