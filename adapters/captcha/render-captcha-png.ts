import { PNG } from 'pngjs';
import { digitSlots } from './captcha-layout.js';
import { drawCrossingLines, paintBackground, scatterDots, sineWave } from './captcha-noise.js';
import { hsl } from './colour.js';
import { DIGIT_GLYPHS, GLYPH_BOX } from './digit-glyphs.js';
import { strokePolyline, warpRaster, type Point, type Raster } from './raster.js';
import { createRandom, type Random } from './seeded-random.js';

export interface CaptchaImageOptions {
  width?: number;
  height?: number;
  seed?: number;
}

/**
 * A raster rather than SVG: an SVG captcha hands the glyph outlines to any script that reads it.
 * Each part of the picture draws from its own random stream, so with a fixed seed changing one
 * digit changes only that digit's pixels (the tests rely on this).
 */
export function renderCaptchaPng(answer: string, opts: CaptchaImageOptions = {}): Buffer {
  const { width = 180, height = 60 } = opts;
  if (!/^\d+$/.test(answer)) throw new RangeError('captcha answer must be digits');
  const rng = createRandom(opts.seed);
  const [backgroundRng, glyphRng, noiseRng, warpRng] = [rng.fork(), rng.fork(), rng.fork(), rng.fork()];

  const raster = paintBackground(width, height, backgroundRng);
  scatterDots(raster, noiseRng);
  drawDigits(raster, answer, glyphRng);
  drawCrossingLines(raster, noiseRng);
  const png = new PNG({ width, height });
  png.data = warpRaster(raster, sineWave(width, height, warpRng)).data;
  return PNG.sync.write(png);
}

function drawDigits(r: Raster, answer: string, rng: Random): void {
  const slots = digitSlots(answer.length, r.width);
  [...answer].forEach((digit, i) => {
    const slot = slots[i]!;
    // Every digit draws the same number of values, whatever its shape, to keep streams aligned.
    const size = rng.range(0.58, 0.7) * r.height;
    const squeeze = rng.range(0.85, 1.05);
    const angle = (rng.range(-25, 25) * Math.PI) / 180;
    const cx = slot.centre + rng.range(-0.08, 0.08) * (slot.end - slot.start);
    const cy = r.height / 2 + rng.range(-0.08, 0.08) * r.height;
    const colour = hsl(rng.range(0, 360), rng.range(0.55, 0.85), rng.range(0.16, 0.3));
    const radius = Math.max(1.5, r.height * rng.range(0.04, 0.05));
    const unit = size / GLYPH_BOX.height,
      cos = Math.cos(angle),
      sin = Math.sin(angle);
    const strokes = (DIGIT_GLYPHS[digit] ?? []).map((stroke) =>
      stroke.map((p) => {
        const x = (p.x - GLYPH_BOX.width / 2) * unit * squeeze,
          y = (p.y - GLYPH_BOX.height / 2) * unit;
        return { x: cx + x * cos - y * sin, y: cy + x * sin + y * cos };
      }),
    );
    const shift = keepInside(strokes.flat(), r, radius + WARP_MARGIN);
    for (const stroke of strokes)
      strokePolyline(
        r,
        stroke.map((p) => ({ x: p.x + shift.x, y: p.y + shift.y })),
        radius,
        colour,
      );
  });
}

/** Up to the largest sine-warp amplitude, so the warp cannot push ink off the edge either. */
const WARP_MARGIN = 4;

/** A tilted digit can poke out of the frame; a clipped 7 or 1 is easily misread, so it is moved back in. */
function keepInside(points: Point[], r: Raster, margin: number): Point {
  const xs = points.map((p) => p.x),
    ys = points.map((p) => p.y);
  const fit = (lo: number, hi: number, size: number): number =>
    lo < margin ? margin - lo : hi > size - margin ? size - margin - hi : 0;
  return { x: fit(Math.min(...xs), Math.max(...xs), r.width), y: fit(Math.min(...ys), Math.max(...ys), r.height) };
}
