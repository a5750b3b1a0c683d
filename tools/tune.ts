// Tuning harness (for the team, not the product): every question set we can read, answered by the
// product's own path (answerQuestion) against every policy we have, scored as
// ../shared/eval/sealed-score scores (verdict over questions, clause@1/@3 by the clause holding the
// expected text, wrongly/rightly "not covered", unsafe "yes"), grouped so tuning sets and the
// held-back frozen set are seen apart. These are TUNING sets: generalisation is the sealed score's.
//
//   npx tsx tools/tune.ts [FILES…] [-v]       -v lists the misses
//   DUMP=f.jsonl  … writes the coverage model's features per question (tools/fit-coverage.ts)
//   RDUMP=f.jsonl … writes the re-ranker's features per candidate clause (tools/fit-rerank.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import { answerQuestion } from '../bot/answer/answer-question.js';
import { norm, tuningLibrary, tuningSetFiles } from './tuning-data.js';

const library = await tuningLibrary();
const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const sets = files.length ? files : tuningSetFiles();
const group = (f: string) => {
  if (process.env.BYFILE) return f.split('/').pop()!;
  const frozen = /frozen\/([a-z])\//.exec(f)?.[1];
  if (frozen) return frozen === 'a' ? 'frozen-a (held back)' : `frozen-${frozen}`;
  return /dev-questions/.test(f) ? 'dev' : /fresh2/.test(f) ? 'fresh2' : /fresh/.test(f) ? 'fresh' : /heldout|oakfield/.test(f) ? 'heldout' : /unseen/.test(f) ? 'unseen' : 'own';
};

type Tally = Record<string, number>;
const tallies = new Map<string, Tally>();
const misses: string[] = [];
/** Wrong verdicts: wanted → got, and whether the best clause was the right one (CONF=1 prints it). */
const confusion = new Map<string, number>();
/** Verdict by the right answer's (first) kind, as sealed-score reports it. */
const byKind = new Map<string, [number, number]>();
const dump: string[] = [];
const rdump: string[] = [];
const started = performance.now();
for (const f of sets) {
  const g = group(f);
  const t = tallies.get(g) ?? { n: 0, asks: 0, verdict: 0, wc: 0, c1: 0, c3: 0, intent: 0, covered: 0, falseUnknown: 0, uncovered: 0, rightUnknown: 0, unsafeYes: 0 };
  tallies.set(g, t);
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const q = JSON.parse(line);
    const a = answerQuestion(library, q.school, q.question);
    const expectIntent = q.intent ?? 'ask';
    t.n++;
    const intentOk = a.intent === expectIntent;
    if (intentOk) t.intent++;
    let verdictOk = true;
    if (expectIntent === 'ask') {
      t.asks++;
      verdictOk = q.verdict.includes(a.verdict);
      if (verdictOk) t.verdict++;
      if (a.verdict === 'yes' && !q.verdict.includes('yes') && q.verdict.some((v: string) => v === 'no' || v === 'permission')) t.unsafeYes++;
      if (q.verdict.includes('unknown')) { t.uncovered++; if (a.verdict === 'unknown') t.rightUnknown++; }
      else { t.covered++; if (a.verdict === 'unknown') t.falseUnknown++; }
    }
    const hit = (x: string) => q.clause.some((s: string) => norm(x).includes(norm(s)));
    let h1 = false;
    let h3 = true;
    if (q.clause?.length) {
      t.wc++;
      h1 = a.clauses.slice(0, 1).some((c) => hit(c.clause.text));
      h3 = a.clauses.slice(0, 3).some((c) => hit(c.clause.text));
      if (h1) t.c1++;
      if (h3) t.c3++;
    }
    if (expectIntent === 'ask') {
      const kind = q.verdict[0];
      const k = byKind.get(kind) ?? [0, 0];
      k[1]++;
      if (verdictOk) k[0]++;
      byKind.set(kind, k);
    }
    if (expectIntent === 'ask' && !verdictOk) {
      const why = !q.clause?.length ? 'no-gold' : h1 ? 'right-clause' : h3 ? 'gold-in-3' : 'wrong-clause';
      const k = `${q.verdict.join('|').padEnd(18)} got ${String(a.verdict).padEnd(10)} ${why}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
      if (process.env.CONF === why) misses.push(`RC ${q.id} [${q.school}] ${q.question}\n    got ${a.verdict} from "${(a.deciding ?? '').slice(0, 220)}"; want ${q.verdict.join('|')}`);
    }
    if (process.env.DUMP || process.env.RDUMP) {
      const m = library.match(q.school, q.question, { limit: 16 });
      dump.push(JSON.stringify({ id: q.id, school: q.school, g, covered: !q.verdict.includes('unknown'), intent: expectIntent, h1, h3, features: m.features }));
      if (q.clause?.length) rdump.push(JSON.stringify({ id: q.id, school: q.school, cands: m.hits.map((h) => ({ gold: hit(h.clause.text), f: h.features })) }));
    }
    if (!verdictOk || !h3 || !intentOk) {
      misses.push(`${g} ${q.id} [${q.school}] ${q.question}\n    got ${a.intent}/${a.verdict}${a.problem ? ` (${a.problem})` : ''} ${a.clauses[0]?.clause.ref ?? '-'} "${(a.deciding ?? a.clauses[0]?.clause.text ?? '').slice(0, 90)}"; want ${expectIntent}/${q.verdict.join('|')}${h3 ? '' : ` + clause "${(q.clause[0] ?? '').slice(0, 60)}"`}`);
    }
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '  - ');
const line = (g: string, t: Tally) => `${g.padEnd(22)} n=${String(t.n).padStart(3)} verdict ${pct(t.verdict!, t.asks!)} c@1 ${pct(t.c1!, t.wc!)} c@3 ${pct(t.c3!, t.wc!)} intent ${pct(t.intent!, t.n!)} wrongly-unknown ${t.falseUnknown}/${t.covered} rightly-unknown ${t.rightUnknown}/${t.uncovered} unsafe-yes ${t.unsafeYes}`;
const all: Tally = {};
for (const [g, t] of tallies) {
  if (!g.startsWith('frozen-a')) for (const [k, v] of Object.entries(t)) all[k] = (all[k] ?? 0) + v;
  console.log(line(g, t));
}
if (tallies.size > 1) console.log(`${line('TUNING SETS', all)}  (${((performance.now() - started) / (all.n || 1)).toFixed(1)} ms/q)`);
if (process.argv.includes('-v')) console.log(misses.join('\n'));
if (process.env.CONF) console.log('by kind:', [...byKind].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
if (process.env.CONF) for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), k);
if (process.env.DUMP) writeFileSync(process.env.DUMP, dump.join('\n'));
if (process.env.RDUMP) writeFileSync(process.env.RDUMP, rdump.join('\n'));
