// The last form shown to each user, so a card submitted with errors can be drawn again with them
// when the core answers with `formErrors` alone. Bounded; a miss falls back to a plain list.

import type { FormSpec } from '../../bot/reply.js';

export interface FormMemory {
  remember(userId: string, form: FormSpec): void;
  recall(userId: string, formId: FormSpec['id']): FormSpec | undefined;
}

/** An in-process memory of at most `limit` forms, oldest dropped first. */
export function createFormMemory(limit = 1000): FormMemory {
  const forms = new Map<string, FormSpec>();
  return {
    remember(userId, form) {
      const key = `${userId}\u0000${form.id}`;
      forms.delete(key);
      forms.set(key, { ...form, errors: undefined });
      if (forms.size > limit) forms.delete(forms.keys().next().value as string);
    },
    recall: (userId, formId) => forms.get(`${userId}\u0000${formId}`),
  };
}
