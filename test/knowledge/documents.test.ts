// Real documents in, the outline a careful reader would expect out: two PDFs and two Word files made
// with LibreOffice (sources in test/fixtures/documents/source/) and a school web page as saved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { policyFromDocument } from '../../knowledge/policy-files.js';
import type { Clause, Policy } from '../../knowledge/types.js';

const DOCS = new URL('../fixtures/documents/', import.meta.url);
const ingest = async (file: string): Promise<Policy> =>
  (await policyFromDocument(readFileSync(new URL(file, DOCS)), { school: 'x', source: file })).policy;
const byRef = (p: Policy, ref: string): Clause => {
  const c = p.clauses.find((x) => x.ref === ref);
  assert.ok(c, `no clause ${ref} in ${p.clauses.map((x) => x.ref).join(', ')}`);
  return c;
};
const asideFor = (p: Policy, reason: RegExp): string[] => p.setAside.filter((a) => reason.test(a.reason)).map((a) => a.text);

describe('ingest of a numbered PDF (contents page, summary box, lettered sub-clauses, signatory)', () => {
  let p: Policy;
  before(async () => {
    p = await ingest('ashford-numbered.pdf');
  });

  it('reads every numbered clause, in order, with no page furniture in it', () => {
    assert.deepEqual(p.clauses.map((c) => c.ref), ['1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2(a)', '3.2(b)', '3.2(c)', '3.2(d)', '3.3', '3.4', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2']);
    assert.ok(p.clauses.every((c) => !/Page \d|Ashford Primary School – Social Media Policy/.test(c.text)));
    assert.equal(p.school.name, 'Ashford Primary School');
  });

  it('rejoins a sentence cut by a page break, the page footer and header dropped', () => {
    assert.equal(byRef(p, '3.1').text, 'Staff must not accept or send friend requests to current pupils or ex-pupils on any personal social media account.');
    assert.equal(byRef(p, '3.1').heading, '3. Contact with pupils and parents');
  });

  it('rejoins a word hyphenated at a line end, keeping the hyphen of a word the document writes hyphenated', () => {
    assert.equal(byRef(p, '5.1').text, 'No member of staff may set up a social media account in the name of the school, a class or a club without the written approval of the Headteacher.');
    assert.match(byRef(p, '3.1').text, /or ex-pupils on/);
  });

  it('cites lettered sub-clauses as 3.2(b), each with its lead-in', () => {
    const b = byRef(p, '3.2(b)');
    assert.equal(b.text, 'communicate with pupils through personal messaging apps such as WhatsApp or Snapchat;');
    assert.equal(b.leadIn, 'Staff must not:');
    assert.equal(b.effect, 'forbids');
    assert.equal(b.id, 'x-3.2(b)');
  });

  it('keeps the conditions of "the only exceptions are:" with their rule', () => {
    assert.match(byRef(p, '3.3').text, /The only exceptions are:\n- where the parent is also a member of staff;\n- where the Headteacher has agreed/);
  });

  it('sets the contents page and the summary box aside, with the reason', () => {
    assert.ok(asideFor(p, /contents page/).some((t) => t.includes('Personal use of social media ....')));
    assert.ok(asideFor(p, /summary box/).some((t) => t.includes('Never befriend pupils')));
    assert.ok(!p.clauses.some((c) => /Never befriend pupils|\.{5}/.test(c.text)));
  });

  it('reads the signatory, approval and review lines as metadata, never as headings', () => {
    assert.equal(p.school.reviewDue, '2026-09-01');
    assert.equal(p.school.approvedBy, 'Mrs J. Patel, Headteacher');
    assert.ok(p.school.dates.some((d) => d.value === '12 March 2025'));
    assert.ok(!p.clauses.some((c) => c.headingPath.some((h) => /Patel|Headteacher$|Review due/.test(h))));
    assert.equal(byRef(p, '6.2').text, "Breaches of this policy may be dealt with under the school's disciplinary procedure.");
  });
});

describe('ingest of a traffic-lights PDF (tables with rule codes, Q&A)', () => {
  let p: Policy;
  before(async () => {
    p = await ingest('brookside-traffic-lights.pdf');
  });

  it('makes one clause per table row, cited by the row code, column headings carried in', () => {
    assert.deepEqual(p.clauses.filter((c) => /^[RAG]\d$/.test(c.ref)).map((c) => c.ref), ['R1', 'R2', 'R3', 'R4', 'A1', 'A2', 'A3', 'G1', 'G2']);
    const r1 = byRef(p, 'R1');
    assert.equal(r1.text, 'Activity: Friend requests from pupils. Rule: Staff must never accept or send friend requests to pupils or ex-pupils under 18.');
    assert.equal(r1.heading, 'Red: never');
    assert.equal(r1.effect, 'forbids');
    assert.equal(byRef(p, 'A2').text, 'Activity: Friend requests from parents. Rule: Staff should not accept friend requests from parents unless the Principal has agreed.');
    assert.equal(byRef(p, 'G1').effect, 'permits');
  });

  it('answers each FAQ question with its answer, the question as heading', () => {
    const q = p.clauses.find((c) => c.heading === 'Can I use my own phone to take photos on a school trip?');
    assert.ok(q);
    assert.deepEqual(q.headingPath.slice(-2), ['Frequently asked questions', 'Can I use my own phone to take photos on a school trip?']);
    assert.match(q.text, /No\. Use an academy camera or tablet\. Photos taken on personal phones cannot be kept securely\.$/);
    assert.equal(q.effect, 'forbids');
  });

  it('reads the ratification and review line as metadata', () => {
    assert.equal(p.school.reviewDue, '2027-02-01');
    assert.ok(!p.clauses.some((c) => /Ratified/.test(c.text)));
  });
});

describe('ingest of Word files (numbered lists, a Do/Don\'t table, Q&A headings, a table of coded rules)', () => {
  it('reads headings, numbered items and a lettered exception list from Word', async () => {
    const p = await ingest('cedar-qa.docx');
    assert.equal(p.school.name, 'Cedar Federation');
    const expectations = p.clauses.filter((c) => c.heading === 'Expectations of staff');
    assert.equal(expectations.length, 4);
    assert.match(expectations[1]!.text, /The only exceptions are:\n- family members, where the Executive Headteacher has been told in writing;\n- former pupils who are now aged 18 or over\.$/);
    assert.equal(p.school.reviewDue, '2026-05-01');
    assert.equal(p.school.approvedBy, 'Mr D. Okafor, Executive Headteacher');
    assert.ok(!p.clauses.some((c) => /Version 2|Okafor/.test(c.text)));
  });

  it("makes one clause per row of a Do/Don't table with both headings carried in", async () => {
    const p = await ingest('cedar-qa.docx');
    const rows = p.clauses.filter((c) => c.heading === "Do's and don'ts");
    assert.deepEqual(rows.map((c) => c.text), [
      "Do: Report any abusive post about the Federation to the Executive Headteacher. Don't: Reply to abusive posts yourself.",
      "Do: Check your privacy settings every term. Don't: Post photographs of pupils on your own accounts.",
      "Do: Ask before you post about a school event. Don't: Discuss pupils or colleagues online.",
    ]);
  });

  it('keeps Word question headings over their answers', async () => {
    const p = await ingest('cedar-qa.docx');
    const q = p.clauses.find((c) => c.heading === 'May I set up a Twitter account for my class?');
    assert.equal(q?.effect, 'permission');
    assert.match(q!.text, /Only with the written permission of the Executive Headteacher/);
  });

  it('reads a Word table of coded rules (S1–S5) and sets the summary box aside', async () => {
    const p = await ingest('dale-tables.docx');
    assert.deepEqual(p.clauses.map((c) => c.ref), ['1.1', 'S1', 'S2', 'S3', 'S4', 'S5', '3.1', '3.2']);
    assert.equal(byRef(p, 'S5').text, 'Area: School accounts. What staff must do: Only the Headteacher may create social media accounts for the school.');
    assert.ok(asideFor(p, /summary box/).some((t) => t.includes('This box summarises the policy')));
    assert.equal(p.school.reviewDue, '2026-09-01');
  });
});

describe('ingest of a school web page as saved', () => {
  let p: Policy;
  before(async () => {
    p = await ingest('elmwood-website.html');
  });

  it('reads only the policy: no menu, cookie banner, script, breadcrumbs, sidebar or footer', () => {
    const all = p.clauses.map((c) => c.text).join('\n');
    assert.doesNotMatch(all, /cookies|Skip to|About us|You are here|Related pages|All rights reserved|trackScroll|dataLayer|Church Lane/);
    for (const reason of [/cookie banner/, /navigation menu/, /breadcrumbs/, /page footer/, /script/, /sidebar/]) assert.ok(asideFor(p, reason).length, String(reason));
  });

  it('reads its headings, list and table', () => {
    assert.equal(p.school.name, 'Elmwood Church of England Primary School');
    const staff = p.clauses.filter((c) => c.heading === 'Staff and social media');
    assert.equal(staff.length, 4);
    assert.equal(staff[0]!.leadIn, 'Staff must follow these rules at all times:');
    assert.equal(staff[0]!.effect, 'forbids');
    const table = p.clauses.filter((c) => c.heading === 'Policy table').map((c) => c.text);
    assert.deepEqual(table, [
      "Who: Staff. Allowed: Sharing the school's official posts. Not allowed: Using the school logo on personal accounts.",
      'Who: Parents. Allowed: Photos of their own child at school events. Not allowed: Posting photos of other children without consent.',
    ]);
    assert.equal(p.school.reviewDue, '2026-06-01');
  });
});
