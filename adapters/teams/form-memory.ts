// The last form shown to each user, so a card submitted with errors can be drawn again with them
// when the core answers with `formErrors` alone. Kept in the Store (beside report flows, under its
// own key prefix), so the instance that takes the submission need not be the one that drew the form.

import type { Store } from '../../bot/ports/store.js';
import type { FormSpec } from '../../bot/reply.js';

export interface FormMemory {
  remember(userId: string, form: FormSpec): Promise<void>;
  recall(userId: string, formId: FormSpec['id']): Promise<FormSpec | undefined>;
}

/** The flow key a user's last form of one kind is kept under; never a report flow's `report:` key. */
export function formMemoryKey(userId: string, formId: FormSpec['id']): string {
  return `teams-form:${formId}:${userId}`;
}

/** A form memory over the store's flow records (one per user and form kind, overwritten each time). */
export function createFormMemory(store: Pick<Store, 'getFlow' | 'saveFlow'>): FormMemory {
  return {
    async remember(userId, form) {
      await store.saveFlow(formMemoryKey(userId, form.id), { ...form, errors: undefined });
    },
    async recall(userId, formId) {
      const state = (await store.getFlow(formMemoryKey(userId, formId)))?.state as Partial<FormSpec> | undefined;
      return state && state.id === formId && Array.isArray(state.fields) ? (state as FormSpec) : undefined;
    },
  };
}
