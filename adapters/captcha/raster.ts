export type Rgb = readonly [number, number, number];
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** RGBA, laid out as pngjs expects its `data`, so the PNG is written without copying. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export function createRaster(width: number, height: number, paint: (x: number, y: number) => Rgb): Raster {
  const raster = { width, height, data: Buffer.alloc(width * height * 4) };
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) setPixel(raster, x, y, paint(x, y));
  return raster;
}

function setPixel(r: Raster, x: number, y: number, [red, green, blue]: Rgb): void {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
  const i = (y * r.width + x) * 4;
  r.data[i] = red;
  r.data[i + 1] = green;
  r.data[i + 2] = blue;
  r.data[i + 3] = 255;
}

function getPixel(r: Raster, x: number, y: number): Rgb {
  const i = (Math.min(r.height - 1, Math.max(0, y)) * r.width + Math.min(r.width - 1, Math.max(0, x))) * 4;
  return [r.data[i] ?? 0, r.data[i + 1] ?? 0, r.data[i + 2] ?? 0];
}

/** Thick strokes as capsules (round caps and joins), so bent digits keep no gaps at corners. */
export function strokePolyline(r: Raster, points: readonly Point[], radius: number, colour: Rgb): void {
  for (let i = 1; i < points.length; i += 1) strokeSegment(r, points[i - 1]!, points[i]!, radius, colour);
}

function strokeSegment(r: Raster, a: Point, b: Point, radius: number, colour: Rgb): void {
  const dx = b.x - a.x,
    dy = b.y - a.y,
    lengthSq = dx * dx + dy * dy || 1e-9;
  const minX = Math.floor(Math.min(a.x, b.x) - radius),
    maxX = Math.ceil(Math.max(a.x, b.x) + radius);
  const minY = Math.floor(Math.min(a.y, b.y) - radius),
    maxY = Math.ceil(Math.max(a.y, b.y) + radius);
  for (let y = minY; y <= maxY; y += 1) {
    for (let x = minX; x <= maxX; x += 1) {
      const px = x + 0.5 - a.x,
        py = y + 0.5 - a.y;
      const t = Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSq));
      const ex = px - t * dx,
        ey = py - t * dy;
      if (ex * ex + ey * ey <= radius * radius) setPixel(r, x, y, colour);
    }
  }
}

/** Moves every pixel by `offset`, sampling nearest neighbours: jagged edges are fine for a captcha. */
export function warpRaster(r: Raster, offset: (x: number, y: number) => Point): Raster {
  return createRaster(r.width, r.height, (x, y) => {
    const o = offset(x, y);
    return getPixel(r, Math.round(x + o.x), Math.round(y + o.y));
  });
}
