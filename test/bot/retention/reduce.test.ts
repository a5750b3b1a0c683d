import assert from 'node:assert/strict';
import { readOutcomeKind } from '../../../bot/escalations/outcome-kind.js';
import { helpReply } from '../../../bot/help.js';
import { parseCommand } from '../../../bot/commands.js';
import { addMonths } from '../../../bot/retention/reduce.js';
import { parsePersonId } from '../../../bot/export/subject-access.js';

describe('retention and export, the small parts', () => {
  it('adds calendar months, keeping the day where the month has it', () => {
    assert.equal(addMonths('2026-03-02T09:00:00.000Z', 12).toISOString(), '2027-03-02T09:00:00.000Z');
    assert.equal(addMonths('2026-01-31T12:00:00.000Z', 1).toISOString(), '2026-02-28T12:00:00.000Z');
    assert.equal(addMonths('2026-11-30T00:00:00.000Z', 3).toISOString(), '2027-02-28T00:00:00.000Z');
  });

  it('reads the kind of an outcome, a referral before a removal before a talk', () => {
    assert.equal(readOutcomeKind('Referred to the LADO; the post was removed.'), 'referred');
    assert.equal(readOutcomeKind('Post removed after a meeting with the parent.'), 'removed');
    assert.equal(readOutcomeKind('No further action after speaking to the family.'), 'no-further-action');
    assert.equal(readOutcomeKind('Met with the parent, who apologised.'), 'action-taken');
    assert.equal(readOutcomeKind('constructor'), 'other');
  });

  it('lists every command for heads and DSLs in help, and none of them for staff', () => {
    const manager = helpReply(true).text;
    for (const command of ['escalations', 'overdue', 'recent', 'show ESC-', 'ack ESC-', 'note ESC-', 'resolve ESC-', 'recorded ESC-', 'export ESC-']) assert.ok(manager.includes(command), command);
    assert.doesNotMatch(helpReply(false).text, /export ESC|recorded ESC/);
  });

  it('parses "recorded" and "export" with a reference, and leaves a question alone', () => {
    assert.deepEqual(parseCommand('export esc-2026-0042'), { name: 'export', ref: 'ESC-2026-0042' });
    assert.deepEqual(parseCommand('recorded ESC-2026-0042'), { name: 'recorded', ref: 'ESC-2026-0042' });
    assert.deepEqual(parseCommand('export'), { name: 'needs-ref', verb: 'export' });
    assert.equal(parseCommand('export my photos to Instagram, is that ok?'), undefined);
    assert.deepEqual(parseCommand('withdraw Q-constructor'), { name: 'bad-ref', verb: 'withdraw', given: 'Q-constructor' });
    assert.equal(parseCommand('show the question to the class?'), undefined);
  });

  it('reads a person\'s platform id for subject access', () => {
    assert.deepEqual(parsePersonId('slack:U0123ABCD'), { platform: 'slack', userId: 'U0123ABCD' });
    assert.deepEqual(parsePersonId('U0123ABCD'), { userId: 'U0123ABCD' });
    assert.equal(parsePersonId('two words'), undefined);
    assert.equal(parsePersonId(''), undefined);
  });
});
