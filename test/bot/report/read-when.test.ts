import assert from 'node:assert/strict';
import { readWhen } from '../../../bot/report/read-when.js';

// Thursday 5 March 2026, 10:00 in London (GMT).
const thursday = new Date('2026-03-05T10:00:00Z');

function read(text: string, now = thursday): { iso: string; shown: string } {
  const r = readWhen(text, now);
  assert.ok(r.ok, `expected "${text}" to be read: ${r.ok ? '' : r.error}`);
  return { iso: r.iso, shown: r.shown };
}

describe('readWhen', () => {
  it('reads everyday words for a past time, and says them back as a date', () => {
    assert.deepEqual(read('yesterday evening'), { iso: '2026-03-04T19:00:00.000Z', shown: 'Wednesday 4 March 2026, in the evening' });
    assert.deepEqual(read('Tuesday about 8pm'), { iso: '2026-03-03T20:00:00.000Z', shown: 'Tuesday 3 March 2026, 8pm' });
    assert.deepEqual(read('8pm-ish on Tuesday'), { iso: '2026-03-03T20:00:00.000Z', shown: 'Tuesday 3 March 2026, 8pm' });
    assert.equal(read('last week').shown, 'around Thursday 26 February 2026');
    assert.deepEqual(read('last night'), { iso: '2026-03-04T22:00:00.000Z', shown: 'Wednesday 4 March 2026, at night' });
    assert.equal(read('around half 8 last night').shown, 'Wednesday 4 March 2026, 8:30pm');
  });

  it('reads dates day first, as in the UK, and a date without a year as the last one', () => {
    assert.equal(read('2/11').shown, 'Sunday 2 November 2025');
    assert.equal(read('12 March, 7pm').shown, 'Wednesday 12 March 2025, 7pm');
    assert.equal(read('31/12/2025 at 14:30').iso, '2025-12-31T14:30:00.000Z');
  });

  it('takes a day named without a date, or a time alone, as the last one before now', () => {
    assert.equal(read('Sunday').shown, 'Sunday 1 March 2026');
    assert.equal(read('5pm').shown, 'Wednesday 4 March 2026, 5pm');
  });

  it('keeps UK summer time: 8pm in June is 19:00 UTC', () => {
    assert.equal(read('Tuesday about 8pm', new Date('2026-06-11T10:00:00Z')).iso, '2026-06-09T19:00:00.000Z');
  });

  it('refuses words with no date in them, and a time that has not come yet, saying what to type', () => {
    for (const text of ['banana', 'ages ago', '', 'constructor', '__proto__', '\u0000\u0001']) {
      const r = readWhen(text, thursday);
      assert.equal(r.ok, false, text);
      assert.match((r as { error: string }).error, /couldn't read a date.*Try for example "today 8am"/);
    }
    const future = readWhen('today 8pm', thursday);
    assert.equal(future.ok, false);
    assert.match((future as { error: string }).error, /Thursday 5 March 2026, 8pm, which has not happened yet/);
  });
});
