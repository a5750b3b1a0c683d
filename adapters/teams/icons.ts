// The app's icons, drawn by code so the package needs no binary files in the repository: a colour
// icon (192×192, white speech bubble with a tick on the accent colour) and an outline icon (32×32,
// white on transparent), as Teams requires.

import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];
/** Coverage of a point in the unit square (0–1 coordinates): true when the shape covers it. */
type Shape = (x: number, y: number) => boolean;

const ACCENT: Rgba = [0x2e, 0x5e, 0x8c, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A speech bubble (rounded body, tail at the lower left), in unit coordinates. */
const bubble: Shape = (x, y) => roundedRect(x, y, 0.16, 0.2, 0.84, 0.7, 0.12) || triangle(x, y, [0.26, 0.66], [0.44, 0.66], [0.24, 0.84]);

/** A tick inside the bubble. */
const tick: Shape = (x, y) => segment(x, y, [0.34, 0.45], [0.46, 0.57], 0.045) || segment(x, y, [0.46, 0.57], [0.68, 0.34], 0.045);

/** The colour icon: accent background, white bubble, accent tick. */
export function colorIcon(size = 192): Buffer {
  return draw(size, (x, y) => (bubble(x, y) ? (tick(x, y) ? ACCENT : WHITE) : ACCENT));
}

/** The outline icon: the bubble's outline and the tick in white on transparent. */
export function outlineIcon(size = 32): Buffer {
  const stroke = 0.085;
  const outline: Shape = (x, y) =>
    bubble(x, y) && !(bubble(x - stroke, y) && bubble(x + stroke, y) && bubble(x, y - stroke) && bubble(x, y + stroke));
  return draw(size, (x, y) => (outline(x, y) || tick(x, y) ? WHITE : [255, 255, 255, 0]));
}

/** Renders with 4×4 supersampling so edges are smooth; returns PNG bytes. */
function draw(size: number, colourAt: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // Premultiply so transparent samples do not darken the edge colour.
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
          sum[3] += c[3];
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = sum[3] / (samples * samples);
      for (let i = 0; i < 3; i++) png.data[offset + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      png.data[offset + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png);
}

function roundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]): boolean {
  const side = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function segment(x: number, y: number, a: [number, number], b: [number, number], width: number): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return (x - a[0] - t * dx) ** 2 + (y - a[1] - t * dy) ** 2 <= width * width;
}
