import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { digitSlots } from '../../../adapters/captcha/captcha-layout.js';
import { renderCaptchaPng } from '../../../adapters/captcha/render-captcha-png.js';

const isDark = (png: PNG, x: number, y: number): boolean => {
  const i = (y * png.width + x) * 4;
  return 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]! < 110;
};

function pixelsDifferingPerColumn(a: PNG, b: PNG): number[] {
  const columns = new Array<number>(a.width).fill(0);
  for (let i = 0; i < a.data.length; i += 4)
    if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) columns[(i / 4) % a.width]! += 1;
  return columns;
}

describe('renderCaptchaPng', () => {
  it('given an answer, when rendered, then it is a PNG of the requested size (saved for a person to look at)', () => {
    const image = renderCaptchaPng('40719');
    const artifacts = new URL('../../../test-artifacts/', import.meta.url);
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(new URL('captcha-sample.png', artifacts), image);

    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(PNG.sync.read(image)).toMatchObject({ width: 180, height: 60 });
    expect(PNG.sync.read(renderCaptchaPng('12', { width: 100, height: 40 }))).toMatchObject({ width: 100, height: 40 });
  });

  it('given the same answer twice, when rendered without a seed, then the images differ', () => {
    expect(renderCaptchaPng('55555').equals(renderCaptchaPng('55555'))).toBe(false);
    expect(renderCaptchaPng('55555', { seed: 9 }).equals(renderCaptchaPng('55555', { seed: 9 }))).toBe(true);
  });

  it('given five digits, when rendered, then every digit band holds dark pixels', () => {
    const png = PNG.sync.read(renderCaptchaPng('83164', { seed: 3 }));
    for (const slot of digitSlots(5, png.width)) {
      let dark = 0;
      for (let x = Math.ceil(slot.start); x < slot.end; x += 1)
        for (let y = 0; y < png.height; y += 1) if (isDark(png, x, y)) dark += 1;
      expect(dark).toBeGreaterThan(60);
    }
  });

  it('given a fixed seed, when one digit changes, then the pixels change around that digit only', () => {
    const answers = ['11111', '81111', '18111', '11811', '11181', '11118'];
    const [base, ...changed] = answers.map((a) => PNG.sync.read(renderCaptchaPng(a, { seed: 42 })));
    const slots = digitSlots(5, base!.width);
    changed.forEach((png, i) => {
      const columns = pixelsDifferingPerColumn(base!, png);
      const total = columns.reduce((s, n) => s + n, 0);
      const slot = slots[i]!,
        reach = (slot.end - slot.start) * 0.5;
      const near = columns
        .slice(Math.max(0, Math.floor(slot.start - reach)), Math.ceil(slot.end + reach))
        .reduce((s, n) => s + n, 0);
      expect(total).toBeGreaterThan(100);
      expect(near / total).toBeGreaterThan(0.95);
    });
  });

  it('rejects answers that are not digits, since there are glyphs for digits only', () => {
    expect(() => renderCaptchaPng('12a45')).toThrow(RangeError);
  });
});
