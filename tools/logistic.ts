// Dev: L2-regularised logistic regression by Newton's method (a handful of iterations for a dozen features).
export function logistic(X: number[][], y: number[], opts: { l2?: number; weights?: number[]; iterations?: number } = {}): number[] {
  const n = X[0]!.length;
  const l2 = opts.l2 ?? 0.01;
  let w = new Array<number>(n).fill(0);
  for (let it = 0; it < (opts.iterations ?? 25); it++) {
    const g = new Array<number>(n).fill(0);
    const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    X.forEach((x, r) => {
      const z = x.reduce((s, v, i) => s + v * w[i]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const cw = opts.weights?.[r] ?? 1;
      const d = cw * (p - y[r]!);
      const h = cw * p * (1 - p);
      for (let i = 0; i < n; i++) {
        g[i]! += d * x[i]!;
        for (let j = 0; j < n; j++) H[i]![j]! += h * x[i]! * x[j]!;
      }
    });
    for (let i = 1; i < n; i++) { g[i]! += l2 * X.length * w[i]!; H[i]![i]! += l2 * X.length; }
    H[0]![0]! += 1e-6;
    const step = solve(H, g);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/**
 * Dev: a listwise (conditional logit) ranker: maximises, over many questions at once, the chance
 * that a softmax over each question's candidates puts its weight on the right ones. Plain gradient
 * ascent with L2; no bias (it cancels within a question).
 */
export function listwise(groups: { x: number[][]; gold: boolean[] }[], opts: { l2?: number; iterations?: number; rate?: number } = {}): number[] {
  const n = groups[0]!.x[0]!.length;
  const l2 = opts.l2 ?? 0.01;
  const rate = opts.rate ?? 0.5;
  let w = new Array<number>(n).fill(0);
  for (let it = 0; it < (opts.iterations ?? 600); it++) {
    const g = new Array<number>(n).fill(0);
    for (const q of groups) {
      const z = q.x.map((x) => x.reduce((s, v, i) => s + v * w[i]!, 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const all = e.reduce((a, b) => a + b, 0);
      const goldSum = e.reduce((a, v, i) => a + (q.gold[i] ? v : 0), 0);
      if (!goldSum) continue;
      q.x.forEach((x, c) => {
        const d = (q.gold[c] ? e[c]! / goldSum : 0) - e[c]! / all;
        for (let i = 0; i < n; i++) g[i]! += d * x[i]!;
      });
    }
    w = w.map((v, i) => v + (rate * (g[i]! / groups.length - l2 * v)));
  }
  return w;
}
