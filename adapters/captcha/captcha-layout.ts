export interface DigitSlot {
  readonly start: number;
  readonly centre: number;
  readonly end: number;
}

/** Shared by the renderer and its tests, so "where digit i should be" has one definition. */
export function digitSlots(length: number, width: number): DigitSlot[] {
  const margin = width * 0.06;
  const slot = (width - 2 * margin) / length;
  return Array.from({ length }, (_, i) => {
    const start = margin + i * slot;
    return { start, centre: start + slot / 2, end: start + slot };
  });
}
