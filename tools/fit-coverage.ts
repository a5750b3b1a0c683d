// Dev: fits the coverage model's weights by logistic regression on a feature dump (tools/tune.ts
// with DUMP=file), every school's questions at once, and reports leave-one-school-out accuracy of
// the decision alone (tools/loso.ts scores the whole fitting through the answer path).
import { readFileSync } from 'node:fs';
import { logistic } from './logistic.js';
const rows = readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.features && r.intent !== 'report');
const keys = Object.keys(rows[0].features);
const X = (r: any) => [1, ...keys.map((k) => r.features[k])];
// Target: 1 = the policy covers it (answer), 0 = it does not (say so).
const y = (r: any) => (r.covered ? 1 : 0);
const NEG_WEIGHT = Number(process.env.NEGW ?? 3);
function fit(data: any[], l2 = Number(process.env.L2 ?? 0.01)): number[] {
  return logistic(data.map(X), data.map(y), { l2, weights: data.map((r) => (y(r) ? 1 : NEG_WEIGHT)) });
}
const prob = (w: number[], r: any) => 1 / (1 + Math.exp(-X(r).reduce((s: number, v: number, i: number) => s + v * w[i]!, 0)));
const w = fit(rows);
console.log('weights', Object.fromEntries(['bias', ...keys].map((k, i) => [k, Math.round(w[i]! * 100) / 100])));
const schools = [...new Set(rows.map((r) => r.school))];
for (const T of [0.3, 0.4, 0.5, 0.6]) {
  let fu = 0, cov = 0, ru = 0, unc = 0;
  for (const s of schools) {
    const wt = fit(rows.filter((r) => r.school !== s));
    for (const r of rows.filter((r) => r.school === s)) {
      const ans = prob(wt, r) >= T;
      if (r.covered) { cov++; if (!ans) fu++; } else { unc++; if (!ans) ru++; }
    }
  }
  console.log(`LOSO threshold ${T}: wrongly unknown ${fu}/${cov} (${(100 * fu / cov).toFixed(1)}%), rightly unknown ${ru}/${unc} (${(100 * ru / unc).toFixed(1)}%)`);
}
