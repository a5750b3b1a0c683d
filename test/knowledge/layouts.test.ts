// Layouts in policy text the way schools paste it: tab-flattened and Markdown tables, a summary
// box, signatures and review lines; and files that only look like text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PolicyError } from '../../knowledge/errors.js';
import { parsePolicy } from '../../knowledge/ingest/parse-policy.js';
import { readDocument } from '../../knowledge/ingest/read-document.js';
import { policyFromDocument } from '../../knowledge/policy-files.js';

const parse = (text: string) => parsePolicy({ school: 'oak', source: 'oak.txt', text });

describe('layouts in pasted text', () => {
  it('reads a bold run-in heading ("**Former pupils.** Staff must not…") as the heading of the paragraph it opens', () => {
    const p = parse([
      '# Oak Primary School Staff Handbook', '',
      '## Chapter 9: Social media', '',
      '**Former pupils.** Staff must not accept requests from former pupils under 18.', '',
      '**Parents:** Staff may stay connected with parents they knew before.',
    ].join('\n'));
    const former = p.clauses.find((c) => c.text.startsWith('Staff must not accept'));
    assert.equal(former?.ref, 'Former pupils');
    assert.deepEqual(former?.headingPath, ['Oak Primary School Staff Handbook', 'Chapter 9: Social media', 'Former pupils']);
    assert.equal(former?.parts?.[0]?.effect, 'forbids');
    assert.equal(p.clauses.find((c) => c.text.startsWith('Staff may stay'))?.ref, 'Parents');
  });

  it("reads a Do/Don't table flattened with tabs as one clause per row, headings carried in", () => {
    const p = parse([
      'Oak Primary School Social Media Policy', '',
      "Do's and Don'ts", '',
      "Do\tDon't",
      'Keep your profile private.\tAccept friend requests from pupils.',
      'Report abusive posts to the Headteacher.\tReply to abusive posts yourself.', '',
      '1. Scope', '',
      '1.1 This policy applies to all staff at Oak Primary School.',
    ].join('\n'));
    const rows = p.clauses.filter((c) => c.heading === "Do's and Don'ts");
    assert.deepEqual(rows.map((c) => c.text), [
      "Do: Keep your profile private. Don't: Accept friend requests from pupils.",
      "Do: Report abusive posts to the Headteacher. Don't: Reply to abusive posts yourself.",
    ]);
    assert.ok(!p.setAside.some((a) => a.reason === 'table row'));
  });

  it('reads a plain pipe table of worked examples ("Situation | Permitted? | Clause") as one question and answer per row', () => {
    const p = parse([
      'Oak Primary School Social Media Policy', '',
      'Appendix A: Examples', '',
      'Situation | Permitted? | Clause',
      'A Year 13 pupil who has turned 18 sends a teacher a friend request | No | 4.2',
      'A teacher follows her niece, a pupil, on Instagram | Yes, if declared to the Headteacher | 4.3',
      'A teacher wants to start a department Instagram account | Only with the written approval of the Headteacher | 7.3', '',
    ].join('\n'));
    const rows = p.clauses.filter((c) => /Examples/.test(c.heading));
    assert.equal(rows.length, 3, rows.map((c) => c.text).join(' / '));
    assert.ok(rows.every((c) => !c.text.includes('|')));
    assert.match(rows[0]!.text, /^A Year 13 pupil .* friend request\? No\./);
    assert.deepEqual(rows.map((c) => c.effect), ['forbids', 'permits', 'permission']);
  });

  it('reads a Markdown traffic-lights table: rule codes as refs, never pipe noise', () => {
    const p = parse([
      '# Oak Academy Staff Code', '',
      '## Red rules', '',
      '| Code | Activity | Rule |', '|---|---|---|',
      '| R1 | Pupils as friends | Never accept friend requests from pupils. |',
      '| R2 | Photos | Never post photos of pupils on personal accounts. |', '',
      '## Green rules', '',
      '| Code | Activity | Rule |', '| --- | --- | --- |',
      '| G1 | Sharing | You may share the academy\'s own posts. |',
    ].join('\n'));
    assert.deepEqual(p.clauses.map((c) => [c.ref, c.id]), [['R1', 'oak-R1'], ['R2', 'oak-R2'], ['G1', 'oak-G1']]);
    assert.equal(p.clauses[0]!.text, 'Activity: Pupils as friends. Rule: Never accept friend requests from pupils.');
    assert.equal(p.clauses[0]!.heading, 'Red rules');
    assert.ok(p.clauses.every((c) => !c.text.includes('|')));
  });

  it('sets a summary box aside and reads signature and review lines as metadata', () => {
    const p = parse([
      'Oak Primary School Social Media Policy', '',
      'Key points', '',
      '- Never befriend pupils.',
      '- Keep your accounts private.', '',
      'Contact with pupils', '',
      'Staff must not accept friend requests from pupils or former pupils under 18.', '',
      'Staff must not give pupils their personal phone number.', '',
      'Signed:',
      'Mrs A. Brown',
      'Chair of Governors', '',
      'Review: Autumn 2026',
    ].join('\n'));
    assert.deepEqual(p.clauses.map((c) => c.heading), ['Contact with pupils', 'Contact with pupils']);
    assert.ok(p.setAside.some((a) => /summary box/.test(a.reason) && a.text.includes('Never befriend pupils')));
    assert.equal(p.school.approvedBy, 'Mrs A. Brown, Chair of Governors');
    assert.equal(p.school.reviewDue, '2026-09-01');
    assert.equal(p.school.name, 'Oak Primary School');
  });
});

describe('files that only look like text', () => {
  it('reads a PDF saved with text-like bytes as a PDF, never quoting its insides', async () => {
    const bytes = readFileSync(new URL('../fixtures/documents/bad/text-only-pdf.txt', import.meta.url));
    const { policy, format } = await policyFromDocument(bytes, { school: 'brook', source: 'text-only-pdf.txt' });
    assert.equal(format, 'pdf');
    assert.ok(policy.clauses.some((c) => c.ref === 'R1'));
    assert.ok(!policy.clauses.some((c) => /%PDF|\bobj\b|endstream/.test(c.text)));
  });

  it('refuses 3.6 MB of text as too long to be one policy', async () => {
    const text = 'Staff must not post photographs of pupils. '.repeat(84_000);
    await assert.rejects(readDocument(new TextEncoder().encode(text), 'everything.txt'), (e: unknown) =>
      e instanceof PolicyError && /everything\.txt holds 3,612,000 characters of text, too long to be one policy/.test(e.message));
  });
});

describe('document details in tables and titles', () => {
  it('reads a key/value box and a version history as metadata, never as clauses or section numbers', () => {
    const p = parse([
      'HARBOUR SCHOOL', '',
      'Policy number:\t\tHS-09',
      'Written by:\t\tHead of Centre',
      'Next review:\t\tJanuary 2026', '',
      'Version\tDate\tWhat changed',
      '3\tJanuary 2023\tAdded section on gaming',
      '3.1\tSeptember 2023\tUpdated names', '',
      '3. Contact with pupils', '',
      '3.1 Staff must not message pupils from personal accounts.',
    ].join('\n'));
    assert.deepEqual(p.clauses.map((c) => [c.ref, c.text]), [['3.1', 'Staff must not message pupils from personal accounts.']]);
    assert.equal(p.setAside.filter((a) => /metadata/.test(a.reason)).length, 6);
  });

  it('names the school from its title lines, not from a numbered heading or an address', () => {
    const p = parse(['# Brookmeadow Community Pre-school', '', 'The Old School Room, Church Lane, Brookmeadow', '', '1. Phones', '', 'Staff must not use personal phones in the playroom.'].join('\n'));
    assert.equal(p.school.name, 'Brookmeadow Community Pre-school');
    const caps = parse(['THE WEAR VALLEY CHURCH SCHOOLS FEDERATION', "St Oswin's Infant School", '', 'Contents: 1 Why - 6 The school Facebook page', '', '1. Phones', '', 'Staff must not use personal phones in class.'].join('\n'));
    assert.equal(caps.school.name, 'The Wear Valley Church Schools Federation');
  });
});
