// The Teams form memory lives in the Store: a form remembered through one store handle is recalled
// through another, under a key no report flow uses, and anything that is not a form is ignored.

import assert from 'node:assert/strict';
import { createFormMemory, formMemoryKey } from '../../../adapters/teams/form-memory.js';
import { flowKey } from '../../../bot/report/report-conversation.js';
import type { FormSpec } from '../../../bot/reply.js';
import { createMemoryStore } from '../../fakes/memory-store.js';

const noteForm: FormSpec = {
  id: 'escalation.note',
  title: 'Add a note',
  submitLabel: 'Add note',
  fields: [{ name: 'note', label: 'Note', kind: 'textarea', required: true }],
  context: { ref: 'ESC-2026-0001' },
  errors: { note: 'stale error' },
};

describe('Teams form memory', () => {
  it('keeps the last form per user and kind in the store, without its errors', async () => {
    const store = createMemoryStore();
    await createFormMemory(store).remember('aad-1', noteForm);
    // A second memory over the same store stands for another instance.
    const recalled = await createFormMemory(store).recall('aad-1', 'escalation.note');
    assert.deepEqual(recalled, { ...noteForm, errors: undefined });
    assert.equal(await createFormMemory(store).recall('aad-2', 'escalation.note'), undefined);
    assert.equal(await createFormMemory(store).recall('aad-1', 'report'), undefined);
  });

  it('never shares a key with a report in progress, and ignores a record that is not a form', async () => {
    const store = createMemoryStore();
    const key = formMemoryKey('aad-1', 'report');
    assert.notEqual(key, flowKey({ platform: 'teams', userId: 'aad-1', school: 'cadmus' }));
    assert.doesNotMatch(key, /^report:/);
    await store.saveFlow(key, { v: 1, step: 2, values: {} });
    assert.equal(await createFormMemory(store).recall('aad-1', 'report'), undefined);
  });
});
