// The words staff type that are commands rather than questions: "report", "my reports",
// "escalations", "show ESC-2026-0001", "ack …", "note … text", "resolve … outcome", "help".

export type Command =
  | { name: 'report' }
  | { name: 'my-reports' }
  | { name: 'list'; which: 'open' | 'overdue' | 'recent' }
  | { name: 'show'; ref: string }
  | { name: 'ack'; ref: string }
  | { name: 'note'; ref: string; text: string }
  | { name: 'resolve'; ref: string; text: string }
  | { name: 'recorded'; ref: string }
  | { name: 'export'; ref: string }
  | { name: 'help' }
  | { name: 'questions' }
  | { name: 'ask-head' }
  | { name: 'show-question'; ref: string }
  | { name: 'reply'; ref: string; text: string; forEveryone: boolean }
  | { name: 'withdraw'; ref: string }
  | { name: 'gaps'; arg: string }
  | { name: 'flow'; word: 'cancel' | 'back' | 'restart' }
  | { name: 'needs-ref'; verb: string }
  | { name: 'bad-ref'; verb: string; given: string }
  | { name: 'unknown'; word: string };

const refPattern = /\b(ESC-\d{4}-\d{1,6})\b/i;

/** Parses a message as a command; undefined means it is a question (or a flow answer). */
export function parseCommand(raw: string): Command | undefined {
  const text = raw.trim();
  const lower = text.toLowerCase().replace(/[.!?]+$/, '');
  if (/^\/?(report|start a report|new report|make a report|report a post)$/.test(lower)) return { name: 'report' };
  if (/^(my reports?|my escalations)$/.test(lower)) return { name: 'my-reports' };
  if (/^(escalations|open|open escalations|list)$/.test(lower)) return { name: 'list', which: 'open' };
  if (/^(overdue|overdue escalations)$/.test(lower)) return { name: 'list', which: 'overdue' };
  if (/^(recent|recent escalations)$/.test(lower)) return { name: 'list', which: 'recent' };
  if (/^(help|\?|commands|what can you do)$/.test(lower)) return { name: 'help' };
  if (/^(cancel|stop|quit)$/.test(lower)) return { name: 'flow', word: 'cancel' };
  if (/^(back|go back)$/.test(lower)) return { name: 'flow', word: 'back' };
  if (/^(start again|restart|start over)$/.test(lower)) return { name: 'flow', word: 'restart' };
  const question = questionCommand(text, lower);
  if (question) return question;
  // "show Q-abc", "withdraw ESC-12": a reference mistyped is a command, not a policy question.
  const mistyped = /^(show|open|view|reply|reply-all|withdraw|ack|acknowledge|note|resolve|close|recorded|export)\s+((?:q|esc)-\S*)/i.exec(text);
  if (mistyped && !refPattern.test(mistyped[2]!) && !questionRef.test(mistyped[2]!)) return { name: 'bad-ref', verb: mistyped[1]!.toLowerCase(), given: mistyped[2]!.slice(0, 40) };
  const verb = /^(show|open|view|ack|acknowledge|note|resolve|close|recorded|export)\b\s*(.*)$/is.exec(text);
  if (verb) return withRef(verb[1].toLowerCase(), verb[2]);
  const bareRef = /^ESC-\d{4}-\d{1,6}$/i.exec(text);
  if (bareRef) return { name: 'show', ref: text.toUpperCase() };
  const slash = /^\/(\S+)/.exec(text);
  if (slash) return { name: 'unknown', word: slash[1] };
  return undefined;
}

function withRef(verb: string, rest: string): Command | undefined {
  const m = refPattern.exec(rest);
  if (!m || rest.trim().toUpperCase().indexOf(m[1].toUpperCase()) !== 0) {
    // "open the door" or "note that…" is a question, not a command with a missing reference.
    return rest.trim() === '' ? { name: 'needs-ref', verb } : undefined;
  }
  const ref = m[1].toUpperCase();
  const after = rest.trim().slice(m[1].length).trim();
  if (verb === 'show' || verb === 'open' || verb === 'view') return { name: 'show', ref };
  if (verb === 'ack' || verb === 'acknowledge') return { name: 'ack', ref };
  if (verb === 'note') return { name: 'note', ref, text: after };
  if (verb === 'recorded') return { name: 'recorded', ref };
  if (verb === 'export') return { name: 'export', ref };
  return { name: 'resolve', ref, text: after };
}

const questionRef = /^Q-\d{4}-\d{1,6}$/i;

/** Commands about questions for the head: "questions", "ask head", "show Q-…", "reply[-all] Q-… text", "withdraw Q-…". */
function questionCommand(text: string, lower: string): Command | undefined {
  if (/^(questions|questions for the head|head questions)$/.test(lower)) return { name: 'questions' };
  const gaps = /^gaps\b(.{0,40})$/.exec(lower);
  if (gaps) return { name: 'gaps', arg: gaps[1] };
  if (/^(ask (the )?head( teacher)?|ask the headteacher)$/.test(lower)) return { name: 'ask-head' };
  if (questionRef.test(text)) return { name: 'show-question', ref: text.toUpperCase() };
  const m = /^(show|open|view|reply|reply-all|withdraw)\s+(Q-\d{4}-\d{1,6})\b\s*(.*)$/is.exec(text);
  if (!m) return undefined;
  const verb = m[1].toLowerCase();
  const ref = m[2].toUpperCase();
  if (verb === 'reply' || verb === 'reply-all') return { name: 'reply', ref, text: m[3], forEveryone: verb === 'reply-all' };
  if (verb === 'withdraw') return { name: 'withdraw', ref };
  return { name: 'show-question', ref };
}
