// What a resolution came to, read from the outcome the head wrote: the one fact about the outcome
// that is kept once the record is reduced (a referral outweighs a removal, which outweighs a talk).

import type { OutcomeKind } from './model.js';

const kinds: { kind: OutcomeKind; re: RegExp }[] = [
  { kind: 'referred', re: /\b(referr?(ed|al)|refer|LADO|police|social (care|services|worker)|children'?s services|MASH|early help|Prevent|Channel|CEOP|NSPCC)\b/i },
  { kind: 'removed', re: /\b(removed?|taken down|took (it )?down|deleted|no longer (up|there|online))\b/i },
  { kind: 'no-further-action', re: /\b(no further action|NFA|no action|unfounded|unsubstantiated|malicious|false alarm|nothing to (do|act on))\b/i },
  { kind: 'action-taken', re: /\b(meeting|met with|spoke|spoken|talked|phoned|called|warn(ed|ing)|sanction\w*|disciplin\w*|apolog\w*|blocked|letter|detention|exclu\w*|suspend\w*|behaviour (plan|policy))\b/i },
];

export const outcomeKindLabel: Record<OutcomeKind, string> = {
  referred: 'referred on (LADO, police, social care or similar)',
  removed: 'post removed',
  'no-further-action': 'no further action',
  'action-taken': 'dealt with by the school',
  other: 'other',
};

/** The kind of outcome the words describe; 'other' when none fits. */
export function readOutcomeKind(outcome: string): OutcomeKind {
  return kinds.find((k) => k.re.test(outcome))?.kind ?? 'other';
}
