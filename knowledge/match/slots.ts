// Who, what is done and to what: read from a question and from a clause with the same vocabulary,
// so that a clause about pupils is not taken as an answer about a pupil's parent, nor a rule on
// photos as one on friend requests, however many other words they share.

import type { Term } from '../language/terms.js';
import { concept, type Slot } from '../language/vocabulary.js';

/** The slots compared between a question and a clause. */
export type SlotName = 'people' | 'action' | 'thing';

export type Slots = Record<SlotName, Set<string>>;

/** Which vocabulary slots feed each compared slot. */
const FEEDS: Record<SlotName, Slot[]> = {
  people: ['people'],
  action: ['action'],
  thing: ['media', 'info', 'device'],
};

/** People every question has (the member of staff asking) or that stand for anyone. */
const ASKER = new Set(['staff']);
const ANYONE = 'public';

/** The slot values a text's terms name. */
export function readSlots(terms: Term[]): Slots {
  const out: Slots = { people: new Set(), action: new Set(), thing: new Set() };
  terms.forEach((t, i) => {
    // "parents of pupils", "carers of children at the school": the people spoken of are the parents.
    const modifier = i >= 2 && terms[i - 1]!.text === 'of' && isPeople(terms[i - 2]!) && isPeople(t);
    for (const id of t.concepts) {
      if (modifier && concept(id).slot === 'people') continue;
      const slot = concept(id).slot;
      for (const name of Object.keys(FEEDS) as SlotName[]) if (FEEDS[name].includes(slot)) out[name].add(id);
    }
  });
  for (const p of ASKER) out.people.delete(p);
  return out;
}

function isPeople(t: Term): boolean {
  return t.concepts.some((c) => concept(c).slot === 'people');
}

export type SlotFit = 'same' | 'wider' | 'silent' | 'other';

/**
 * How a clause's slot meets the question's: it names the same value, a wider one (pupils for
 * ex-pupils; anyone for a parent), says nothing in that slot, or names only others.
 */
export function slotFit(name: SlotName, question: Set<string>, clause: Set<string>): SlotFit | undefined {
  // "someone", "people": a question that names only anyone at all asks about no one in particular.
  if (question.size === 0 || (name === 'people' && [...question].every((q) => q === ANYONE))) return undefined;
  if (clause.size === 0) return 'silent';
  let wider = false;
  for (const q of question) {
    if (clause.has(q)) return 'same';
    const { broader, related } = concept(q);
    if ((broader && clause.has(broader)) || (related && clause.has(related))) wider = true;
  }
  if (wider || (name === 'people' && clause.has(ANYONE))) return 'wider';
  return 'other';
}

/** The fit of every slot the question fills. */
export function fitSlots(question: Slots, clause: Slots): Partial<Record<SlotName, SlotFit>> {
  const out: Partial<Record<SlotName, SlotFit>> = {};
  for (const name of Object.keys(question) as SlotName[]) {
    const fit = slotFit(name, question[name], clause[name]);
    if (fit) out[name] = fit;
  }
  return out;
}
