import assert from 'node:assert/strict';
import { askedTime, inWindow, windowIn } from '../../knowledge/match/time-window.js';

describe('hours a rule allows and the time a question gives', () => {
  it('reads clock windows and weekdays from a rule', () => {
    assert.deepEqual(windowIn('should send messages to parents only between 8am and 6pm, Monday to Friday, in term time'), { from: 8, to: 18, weekdays: true });
    assert.deepEqual(windowIn('Staff may message students between 7.30am and 6pm on school days.'), { from: 7.5, to: 18, weekdays: true });
    assert.deepEqual(windowIn('use the class mobile only between 8.00am and 5.00pm'), { from: 8, to: 17 });
    assert.deepEqual(windowIn('from 9.00 to 5.00'), { from: 9, to: 17 });
    assert.equal(windowIn('pupils aged 11 to 16'), undefined);
    assert.equal(windowIn('Staff must not post photographs of pupils.'), undefined);
    assert.equal(windowIn('Year 7 to Year 11'), undefined);
  });

  it('reads a clock time, a part of the day or a weekend from a question', () => {
    assert.deepEqual(askedTime('can i reply at 11pm?'), { hour: 23 });
    assert.deepEqual(askedTime('ok to send replies sunday night once my own kids are in bed?'), { hour: 22, weekend: true });
    assert.deepEqual(askedTime('a teams msg about 5pm'), { hour: 17 });
    assert.equal(askedTime('can i post a photo of the trip'), undefined);
    // Events and words that only look like times: a school event, "sat", the sun, SATs.
    assert.equal(askedTime("parents keep adding me on fb after parents' evening, should i accept"), undefined);
    assert.equal(askedTime('can i post about open evening on my insta'), undefined);
    assert.equal(askedTime('i sat with a pupil in the sun revising for SATs, can i post a pic'), undefined);
    assert.deepEqual(askedTime('can i reply to parents in the evening'), { hour: 19.5 });
  });

  it('says inside, outside, or nothing when the question gives nothing the window speaks of', () => {
    const w = { from: 8, to: 18, weekdays: true };
    assert.equal(inWindow(w, { hour: 17 }), true);
    assert.equal(inWindow(w, { hour: 22 }), false);
    assert.equal(inWindow(w, { hour: 10, weekend: true }), false);
    assert.equal(inWindow({ from: 8, to: 18 }, { weekend: true }), undefined);
  });
});
