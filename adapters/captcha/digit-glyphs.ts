import type { Point } from './raster.js';

/** Glyph coordinates live in a 6 × 10 box, y pointing down like the image. */
export const GLYPH_BOX = { width: 6, height: 10 } as const;

type Stroke = readonly Point[];

/** Angles in degrees, clockwise on screen; curved strokes are what make the digits look hand-drawn. */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Stroke {
  const steps = Math.max(6, Math.ceil(Math.abs(to - from) / 12));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

const line = (...xy: number[]): Stroke =>
  Array.from({ length: xy.length / 2 }, (_, i) => ({ x: xy[2 * i]!, y: xy[2 * i + 1]! }));

const six: Stroke[] = [arc(3.3, 5.6, 2.9, 5.1, 292, 172), arc(3, 7.2, 2.6, 2.4, 0, 360)];
const rotateHalfTurn = (s: Stroke): Stroke => s.map((p) => ({ x: 6 - p.x, y: 10 - p.y }));

/**
 * Our own strokes rather than a system font: no font file to ship, and the shapes are not the
 * ones OCR engines are trained on. 1 has a base and 7 none, so the two stay apart when tilted.
 */
export const DIGIT_GLYPHS: Readonly<Record<string, readonly Stroke[]>> = {
  '0': [arc(3, 5, 2.6, 4.6, 0, 360)],
  '1': [line(2.6, 1.4, 3.4, 0.4, 3.4, 9.6), line(1.3, 9.6, 5.5, 9.6)], // a long flag reads as a mirrored 7 when tilted
  '2': [[...arc(3, 3, 2.5, 2.5, 165, 400), ...line(0.5, 9.6, 5.7, 9.6)]],
  '3': [arc(3, 2.7, 2.3, 2.3, 200, 450), arc(3, 7.2, 2.6, 2.4, 270, 520)],
  '4': [line(4.2, 9.8, 4.2, 0.2, 0.3, 6.8, 5.8, 6.8)],
  '5': [[...line(5.3, 0.4, 1.2, 0.4, 0.9, 4.7), ...arc(3, 6.8, 2.6, 2.8, 225, 510)]],
  '6': six,
  '7': [line(0.5, 0.4, 5.6, 0.4, 4.1, 4.6, 3.3, 9.6)], // a steep stem: a shallow one reads as ">" once tilted
  '8': [arc(3, 2.7, 2.2, 2.3, 0, 360), arc(3, 7.3, 2.7, 2.4, 0, 360)],
  '9': six.map(rotateHalfTurn),
};
