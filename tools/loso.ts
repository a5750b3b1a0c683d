// Dev: leave-one-school-out of the whole fitting procedure, through the product's own answer path.
// For each school, the re-ranker and the coverage model are fitted (as tools/fit-rerank.ts and
// tools/fit-coverage.ts fit them) on every other school's tuning questions, and that school's
// questions are answered with those weights. Compares ways of building the matcher fairly, since
// no school is answered by weights that saw it.
//   npx tsx tools/loso.ts            (NOCOMMON=1 etc. pass through to the matcher)
import { readFileSync } from 'node:fs';
import { answerQuestion } from '../bot/answer/answer-question.js';
import { RANK_WEIGHTS } from '../knowledge/match/rerank.js';
import { COVERAGE_WEIGHTS } from '../knowledge/match/coverage.js';
import { logistic } from './logistic.js';
import { norm, tuningLibrary, tuningSetFiles } from './tuning-data.js';

const library = await tuningLibrary();
const sets = tuningSetFiles();
const qs = sets.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));
const hand = { rank: { ...RANK_WEIGHTS }, cov: { ...COVERAGE_WEIGHTS } };
const rankKeys = Object.keys(RANK_WEIGHTS) as (keyof typeof RANK_WEIGHTS)[];
const covKeys = Object.keys(COVERAGE_WEIGHTS).filter((k) => k !== 'bias') as (keyof typeof COVERAGE_WEIGHTS)[];

// Features under the hand weights (the shortlist and the best clause depend on them only mildly).
const rrows: { school: string; cands: { gold: boolean; f: Record<string, number> }[] }[] = [];
const crows: { school: string; covered: boolean; f: Record<string, number> }[] = [];
for (const q of qs) {
  const m = library.match(q.school, q.question, { limit: 16 });
  const hit = (x: string) => (q.clause ?? []).some((s: string) => norm(x).includes(norm(s)));
  if ((q.intent ?? 'ask') === 'ask' && m.features) crows.push({ school: q.school, covered: !q.verdict.includes('unknown'), f: m.features as unknown as Record<string, number> });
  if (q.clause?.length && m.hits.some((h) => hit(h.clause.text))) rrows.push({ school: q.school, cands: m.hits.map((h) => ({ gold: hit(h.clause.text), f: h.features as unknown as Record<string, number> })) });
}
const SCALE = Number(process.env.SCALE ?? 3);
function fitRank(school: string): Record<string, number> {
  const rows = rrows.filter((r) => r.school !== school).flatMap((r) => r.cands);
  const w = logistic(rows.map((c) => [1, ...rankKeys.map((k) => c.f[k] ?? 0)]), rows.map((c) => (c.gold ? 1 : 0)), { l2: 0.01 });
  return Object.fromEntries(rankKeys.map((k, i) => [k, w[i + 1]! * SCALE]));
}
function fitCov(school: string): Record<string, number> {
  const rows = crows.filter((r) => r.school !== school);
  const w = logistic(rows.map((r) => [1, ...covKeys.map((k) => r.f[k] ?? 0)]), rows.map((r) => (r.covered ? 1 : 0)), { l2: 0.01, weights: rows.map((r) => (r.covered ? 1 : 3)) });
  return { bias: w[0]!, ...Object.fromEntries(covKeys.map((k, i) => [k, w[i + 1]!])) };
}

const t = { asks: 0, verdict: 0, wc: 0, c1: 0, c3: 0, wrongly: 0, covered: 0, rightly: 0, uncovered: 0, unsafe: 0 };
const mode = process.env.MODE ?? 'both';
for (const school of [...new Set(qs.map((q) => q.school))]) {
  if (mode === 'both' || mode === 'rank') Object.assign(RANK_WEIGHTS, fitRank(school));
  if (mode === 'both' || mode === 'cov') Object.assign(COVERAGE_WEIGHTS, fitCov(school));
  for (const q of qs.filter((x) => x.school === school)) {
    const a = answerQuestion(library, q.school, q.question);
    const hit = (x: string) => (q.clause ?? []).some((s: string) => norm(x).includes(norm(s)));
    if (q.clause?.length) {
      t.wc++;
      if (a.clauses.slice(0, 1).some((c) => hit(c.clause.text))) t.c1++;
      if (a.clauses.slice(0, 3).some((c) => hit(c.clause.text))) t.c3++;
    }
    if ((q.intent ?? 'ask') !== 'ask') continue;
    t.asks++;
    if (q.verdict.includes(a.verdict)) t.verdict++;
    if (a.verdict === 'yes' && !q.verdict.includes('yes') && q.verdict.some((v: string) => v === 'no' || v === 'permission')) t.unsafe++;
    if (q.verdict.includes('unknown')) { t.uncovered++; if (a.verdict === 'unknown') t.rightly++; } else { t.covered++; if (a.verdict === 'unknown') t.wrongly++; }
  }
  Object.assign(RANK_WEIGHTS, hand.rank);
  Object.assign(COVERAGE_WEIGHTS, hand.cov);
}
const p = (a: number, b: number) => ((100 * a) / b).toFixed(1);
console.log(`LOSO (${mode}) n=${qs.length}: verdict ${p(t.verdict, t.asks)} c@1 ${p(t.c1, t.wc)} c@3 ${p(t.c3, t.wc)} wrongly ${t.wrongly}/${t.covered} rightly ${t.rightly}/${t.uncovered} unsafe ${t.unsafe}`);
if (process.env.PRINT) {
  const r = fitRank('');
  const c = fitCov('');
  const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  console.log('rank', JSON.stringify(round(r)));
  console.log('coverage', JSON.stringify(round(c)));
}
