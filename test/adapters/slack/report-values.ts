// The report modal's state values as Slack sends them on submission, for the end-to-end tests.

/** State values for the report modal, keyed as Slack sends them. */
export function reportValues(overrides: Record<string, unknown> = {}): Record<string, Record<string, unknown>> {
  const select = (value: string) => ({ v: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } } });
  const text = (value: string | null, type = 'plain_text_input') => ({ v: { type, value } });
  return {
    'f:category': select('abusive'),
    'f:poster': select('parent'),
    'f:about': select('me'),
    'f:platform': text('Facebook, the Year 6 parents group'),
    'f:link': text('https://facebook.example/posts/1', 'url_text_input'),
    'f:seenAt': { v: { type: 'datetimepicker', selected_date_time: Math.floor(Date.now() / 1000) - 3600 } },
    'f:evidenceKept': select('yes'),
    'f:replied': select('no'),
    'f:description': text('A parent called me a liar and a disgrace in the class group.'),
    ...overrides,
  };
}
