import assert from 'node:assert/strict';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { answerForClause, answerQuestion, MAX_QUESTION_LENGTH } from '../../../bot/answer/answer-question.js';
import { answerReply } from '../../../bot/answer/answer-reply.js';
import { answerJson } from '../../../bot/answer/answer-json.js';
import type { Action } from '../../../bot/reply.js';
import { SEED_POLICIES } from '../../seed-policies.js';

const DIR = SEED_POLICIES;
const actions = (blocks: ReturnType<typeof answerReply>['blocks']): Action[] =>
  blocks.flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.action) : []));

describe('answerQuestion', () => {
  let lib: PolicyLibrary;
  before(async () => {
    lib = await loadPolicyLibrary(DIR);
  });

  it('quotes the deciding sentence of a long clause first, then the clause in full', () => {
    const a = answerQuestion(lib, 'templemoor', 'do i have to report trolling to the head teacher?');
    assert.equal(a.verdict, 'must');
    assert.equal(a.decidingSentence, 'Adults must report all incidents of cyberbullying and/or trolling to the Head teacher.');
    const blocks = answerReply(a).blocks;
    const quote = blocks.find((b) => b.kind === 'quote');
    assert.equal(quote && 'text' in quote ? quote.text : undefined, a.decidingSentence);
    assert.ok(blocks.some((b) => b.kind === 'text' && b.text.startsWith('In full: If trolling occurs')));
  });

  it('answers Cadmus 3.1 for Facebook on the school computer', () => {
    const a = answerQuestion(lib, 'cadmus', 'Can I go on Facebook on the school computer?');
    assert.equal(a.intent, 'ask');
    assert.equal(a.verdict, 'no');
    assert.equal(a.clauses[0]?.clause.id, 'cadmus-3.1');
    assert.ok(a.confidence > 0 && a.confidence <= 1);
  });

  it('gives the same question two different verdicts at two schools', () => {
    const q = 'Can I be friends with a parent on Facebook?';
    const cadmus = answerQuestion(lib, 'cadmus', q);
    const hardmoor = answerQuestion(lib, 'hardmoor', q);
    assert.equal(cadmus.verdict, 'no');
    assert.equal(hardmoor.verdict, 'caution');
    assert.ok(cadmus.clauses.every((m) => m.clause.school === 'cadmus'));
    assert.ok(hardmoor.clauses.every((m) => m.clause.school === 'hardmoor'));
  });

  it('says unknown, with who to ask, when the policy does not cover the question', () => {
    const a = answerQuestion(lib, 'hardmoor', "What's the best recipe for flapjacks?");
    assert.equal(a.verdict, 'unknown');
    assert.deepEqual(a.clauses, []);
    assert.equal(a.whoToAsk, 'your line manager');
    const reply = answerReply(a, lib);
    assert.match(reply.text, /does not cover this/);
    assert.match(reply.text, /your line manager/);
  });

  it('recognises an incident and offers to start a report with the policy\'s guidance', () => {
    const q = 'Someone posted racist insults on our class page';
    const a = answerQuestion(lib, 'cadmus', q);
    assert.equal(a.intent, 'report');
    assert.equal(a.verdict, 'info');
    assert.match(a.clauses[0]!.clause.text, /racist or homophobic insults/);
    assert.deepEqual(actions(answerReply(a, lib).blocks).find((x) => x.type === 'report.start'), { type: 'report.start', description: q });
  });

  it('reads who the question is about: parents at a school whose policy binds them', () => {
    const a = answerQuestion(lib, 'lfssq', 'Can parents post photos from the school concert that include other children?');
    assert.equal(a.verdict, 'no');
    assert.ok(a.clauses[0]!.clause.binds.includes('parents'));
  });

  it('refuses empty and over-long questions with a clear message', () => {
    const empty = answerQuestion(lib, 'cadmus', '   ');
    assert.equal(empty.problem, 'empty');
    assert.match(answerReply(empty, lib).text, /Please type a question/);
    const long = answerQuestion(lib, 'cadmus', 'a'.repeat(20000));
    assert.equal(long.problem, 'too_long');
    assert.match(answerReply(long, lib).text, new RegExp(`${MAX_QUESTION_LENGTH.toLocaleString('en-GB')} characters or fewer`));
  });

  it('builds a reply with verdict, quoted clause, citation and feedback', () => {
    const a = answerQuestion(lib, 'cadmus', 'Can I go on Facebook on the school computer?');
    const reply = answerReply(a, lib);
    assert.match(reply.text, /^No — Cadmus Family of Schools' policy does not allow this\./);
    const quote = reply.blocks.find((b) => b.kind === 'quote');
    assert.ok(quote && quote.kind === 'quote');
    assert.equal(quote.citation.ref, '3.1');
    assert.equal(quote.citation.clauseId, 'cadmus-3.1');
    const fb = actions(reply.blocks).filter((x) => x.type === 'feedback');
    assert.deepEqual(fb, [{ type: 'feedback', answerId: a.id, helpful: true }, { type: 'feedback', answerId: a.id, helpful: false }]);
    assert.equal(answerQuestion(lib, 'cadmus', 'Can I go on Facebook on the school computer?').id, a.id);
  });

  it('offers did-you-mean choices that round-trip through answerForClause', () => {
    const a = answerQuestion(lib, 'cadmus', 'Can I use my phone?');
    if (!a.didYouMean) assert.fail('expected did-you-mean choices');
    const choose = actions(answerReply(a, lib).blocks).filter((x) => x.type === 'ask.choose');
    assert.ok(choose.length >= 2);
    const pick = choose[1]!;
    assert.ok(pick.type === 'ask.choose');
    const picked = answerForClause(lib, pick.clauseId, pick.question);
    assert.equal(picked?.clauses[0]?.clause.id, pick.clauseId);
  });

  it('gives exactly the contract JSON', () => {
    const j = answerJson(answerQuestion(lib, 'cadmus', 'Can I go on Facebook on the school computer?'), 'h01');
    assert.deepEqual(Object.keys(j), ['id', 'school', 'question', 'intent', 'verdict', 'confidence', 'clauses']);
    assert.deepEqual(Object.keys(j.clauses[0]!), ['id', 'ref', 'heading', 'text', 'score']);
    assert.equal(j.clauses[0]!.id, 'cadmus-3.1');
  });
});
