// The sentence a verdict line opens with, naming the school ("No — Cadmus's policy does not allow this.").

import { possessive } from '../english.js';
import type { Verdict } from '../reply.js';

/** The sentence a verdict line opens with, naming the school ("No — Cadmus's policy does not allow this."). */
export function headline(verdict: Verdict, schoolName: string, permissionFrom?: string): string {
  const s = possessive(schoolName);
  switch (verdict) {
    case 'no': return `No — ${s} policy does not allow this.`;
    case 'yes': return `Yes — ${s} policy allows this, within the limits it sets.`;
    case 'permission': return permissionFrom
      ? `Only with permission — ${s} policy needs the agreement of ${permissionFrom} first.`
      : `Only with permission — ${s} policy needs someone's agreement first.`;
    case 'caution': return `Be cautious — ${s} policy advises against this.`;
    case 'must': return `You must — ${s} policy requires this.`;
    case 'info': return `Here is what ${s} policy says.`;
    case 'unknown': return `${s} policy does not cover this.`.replace(/^./, (c) => c.toUpperCase());
  }
}

