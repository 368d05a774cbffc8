import { hsl } from './colour.js';
import { createRaster, strokePolyline, type Point, type Raster } from './raster.js';
import type { Random } from './seeded-random.js';

/** A pale gradient: a flat background would let a single threshold strip everything else away. */
export function paintBackground(width: number, height: number, rng: Random): Raster {
  const hue = rng.range(0, 360),
    drift = rng.range(-60, 60);
  return createRaster(width, height, (x, y) => hsl(hue + (drift * x) / width, 0.45, 0.9 + (0.06 * y) / height));
}

export function scatterDots(r: Raster, rng: Random): void {
  const count = Math.round(r.width * r.height * 0.05);
  for (let i = 0; i < count; i += 1) {
    const p = { x: rng.range(0, r.width), y: rng.range(0, r.height) };
    strokePolyline(r, [p, p], rng.range(0.5, 1.3), hsl(rng.range(0, 360), 0.6, rng.range(0.3, 0.75)));
  }
}

/**
 * Dark curves running through the digits, so connected-component segmentation merges neighbours;
 * a little lighter and much thinner than the digit strokes, so a person still sees past them.
 */
export function drawCrossingLines(r: Raster, rng: Random): void {
  const count = rng.int(3, 6);
  for (let i = 0; i < count; i += 1) {
    const a = { x: rng.range(-5, r.width * 0.2), y: rng.range(0.15, 0.85) * r.height };
    const c = { x: rng.range(0.3, 0.7) * r.width, y: rng.range(-0.3, 1.3) * r.height };
    const b = { x: rng.range(r.width * 0.8, r.width + 5), y: rng.range(0.15, 0.85) * r.height };
    const colour = hsl(rng.range(0, 360), 0.5, rng.range(0.4, 0.55));
    strokePolyline(r, quadraticCurve(a, c, b, 32), rng.range(0.6, 1.05), colour);
  }
}

function quadraticCurve(a: Point, c: Point, b: Point, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps,
      u = 1 - t;
    return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
  });
}

/** A gentle two-axis sine warp bends every straight stroke, which template matching relies on. */
export function sineWave(width: number, height: number, rng: Random): (x: number, y: number) => Point {
  const ax = rng.range(1.5, 2.5),
    periodY = rng.range(0.8, 1.4) * height,
    phaseX = rng.range(0, 2 * Math.PI);
  const ay = rng.range(2, 3.5),
    periodX = rng.range(0.3, 0.5) * width,
    phaseY = rng.range(0, 2 * Math.PI);
  return (x, y) => ({
    x: ax * Math.sin((2 * Math.PI * y) / periodY + phaseX),
    y: ay * Math.sin((2 * Math.PI * x) / periodX + phaseY),
  });
}
