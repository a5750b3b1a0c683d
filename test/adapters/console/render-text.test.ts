import assert from 'node:assert/strict';
import { renderText, terminalSafe } from '../../../adapters/console/render-text.js';

describe('terminal rendering', () => {
  it('strips escape sequences and other control characters from what it prints', () => {
    const typed = 'Posted \u001b[2J\u001b[31mLIES\u001b[0m\u0007 about Mr Smith\r\nsecond line\tend';
    const { text } = renderText({ text: typed, blocks: [{ kind: 'fields', fields: [{ label: 'What it says', value: typed }] }] });
    assert.equal(text, '  What it says: Posted [2J[31mLIES[0m about Mr Smith\nsecond line\tend');
    assert.doesNotMatch(text, /[\u001b\u0007\r]/);
  });

  it('keeps ordinary text, accents and emoji as typed', () => {
    assert.equal(terminalSafe('Café — “quoted” 👍 <@U123> <!channel>'), 'Café — “quoted” 👍 <@U123> <!channel>');
  });

  it('numbers buttons on from an earlier reply', () => {
    const { text, buttons } = renderText(
      { text: 'x', blocks: [{ kind: 'actions', actions: [{ label: 'Acknowledge', action: { type: 'escalation.ack', ref: 'ESC-2026-0001' } }] }] },
      3,
    );
    assert.equal(text, '  [3] Acknowledge   (or type: ack ESC-2026-0001)');
    assert.equal(buttons.length, 1);
  });
});
