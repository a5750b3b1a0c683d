// Text for Slack: escaping user and policy text for mrkdwn, cutting text to Block Kit's limits,
// and turning Slack's own message markup back into the plain text the core expects.

const ELLIPSIS = '…';

/**
 * Escapes plain text for a mrkdwn field: `&`, `<`, `>` become entities, so `<!channel>`, `<@U…>`
 * and `<http…|…>` show as typed and never notify or link; bare `@channel`/`@here`/`@everyone` are
 * broken with a zero-width space in case a client parses them; and the formatting marks `*`, `_`,
 * `~` and backtick become look-alikes, so text shows as typed, never bold, struck or as code.
 * NOTE: mrkdwn has no escape for its formatting marks; inside web addresses they are left alone so
 * links still work (Slack does not format inside a link).
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200b$1')
    .replace(/(\b(?:https?:\/\/|www\.)\S+)|[*_~`]/g, (m, url: string | undefined) => url ?? LOOK_ALIKE[m]);
}

/** Characters that look like mrkdwn's formatting marks but are not read as them. */
const LOOK_ALIKE: Record<string, string> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };

/** Cuts plain text to at most `max` characters, ending with "…" when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  let cut = text.slice(0, max - 1);
  // Never split a UTF-16 surrogate pair (an emoji cut in half renders as garbage).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd() + ELLIPSIS;
}

/** Cuts already-escaped mrkdwn to `max` characters without leaving half an entity (`&am…`). */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let cut = truncate(mrkdwn, max);
  const body = cut.slice(0, -1);
  const amp = body.lastIndexOf('&');
  if (amp !== -1 && amp >= body.length - 6 && !body.slice(amp).includes(';')) {
    cut = body.slice(0, amp).trimEnd() + ELLIPSIS;
  }
  return cut;
}

/** Escapes then truncates: the usual path for user or policy text in a mrkdwn field. */
export function safeMrkdwn(text: string, max: number): string {
  return truncateMrkdwn(escapeMrkdwn(text), max);
}

/** Splits plain text into pieces of at most `size` characters, at whitespace where possible. */
export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > size) {
    let at = rest.lastIndexOf('\n', size);
    if (at < size / 2) at = rest.lastIndexOf(' ', size);
    if (at < size / 2) at = size;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * Slack message markup → plain text: `<@U1>` → `@U1`, `<http://x|label>` → `label (http://x)`,
 * `<!here>` → `@here`, entities decoded. What staff typed reaches the core as they meant it.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target, label] = splitOnce(inner, '|');
      if (target.startsWith('@') || target.startsWith('#')) return label ? `${target[0]}${label}` : target;
      if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
      if (label && label !== target) return `${label} (${target})`;
      return target.replace(/^mailto:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Removes the assistant's own mention from a message (`<@UBOT> can I…` → `can I…`). */
export function stripMention(text: string, botUserId?: string): string {
  const pattern = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i === -1 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
