// Dev: fits the re-ranker's weights (pointwise logistic: is this candidate the right clause?) on a
// dump from tools/tune.ts (RDUMP=file; 16 candidates a question), every school at once, and reports
// leave-one-school-out clause@1/@3 against the current weights.
import { readFileSync } from 'node:fs';
import { RANK_WEIGHTS } from '../knowledge/match/rerank.js';
import { listwise, logistic } from './logistic.js';
const qs = readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((q) => q.cands.length && q.cands.some((c: any) => c.gold));
const keys = Object.keys(qs[0].cands[0].f);
const X = (c: any) => [1, ...keys.map((k) => c.f[k])];
const only = process.env.KEYS?.split(',');
const drop = new Set(process.env.DROP?.split(',') ?? []);
const use = keys.map((k) => (only ? only.includes(k) : !drop.has(k)));
function fit(data: any[], l2 = Number(process.env.L2 ?? 0.01)): number[] {
  if (process.env.LISTWISE) {
    const w = listwise(data.map((q) => ({ x: q.cands.map((c: any) => X(c).map((v: number, i: number) => (i === 0 || use[i - 1] ? v : 0))), gold: q.cands.map((c: any) => !!c.gold) })), { l2 });
    return w;
  }
  const rows = data.flatMap((q) => q.cands);
  return logistic(rows.map(X), rows.map((c: any) => (c.gold ? 1 : 0)), { l2 });
}
const score = (w: number[], c: any) => X(c).reduce((s: number, v: number, i: number) => s + v * w[i]!, 0);
const evalW = (w: number[], data: any[]) => {
  let c1 = 0, c3 = 0;
  for (const q of data) {
    const order = [...q.cands].sort((a, b) => score(w, b) - score(w, a));
    if (order[0].gold) c1++;
    if (order.slice(0, 3).some((c: any) => c.gold)) c3++;
  }
  return [c1, c3];
};
const cur = [0, ...keys.map((k) => (RANK_WEIGHTS as any)[k] ?? 0)];
const [b1, b3] = evalW(cur, qs);
console.log(`questions with the right clause in the shortlist: ${qs.length}; current weights c@1 ${b1} c@3 ${b3}`);
const w = fit(qs);
console.log('fitted on all', Object.fromEntries(['bias', ...keys].map((k, i) => [k, Math.round(w[i]! * 100) / 100])));
const schools = [...new Set(qs.map((q) => q.school))];
let l1 = 0, l3 = 0;
for (const s of schools) {
  const ws = fit(qs.filter((q) => q.school !== s));
  const [a, b] = evalW(ws, qs.filter((q) => q.school === s));
  l1 += a; l3 += b;
}
console.log(`leave-one-school-out: c@1 ${l1} c@3 ${l3} (of ${qs.length})`);
