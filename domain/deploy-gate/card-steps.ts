/** The card's steps, in order (../shared/process-card.md). */
export const CARD_STEPS = [
  '1',
  '1-1',
  '1-2',
  '2',
  '3',
  '3-1',
  '3-2',
  '4',
  '5',
  '6',
  '6-1',
  '7',
  '7-1',
  '7-2',
  '7-3',
  '8',
  '8-1',
  '8-2',
  '8-3',
  '9',
  '9-1',
  '9-2',
  '9-3',
  '9-4',
  '10',
  '11',
  '12',
];

/** Steps each of which must name an element (or a flow) of the models; the others are branches inside them. */
export const NAMED_STEPS = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '6-1',
  '7',
  '7-3',
  '8',
  '8-3',
  '9',
  '9-1',
  '9-2',
  '9-3',
  '9-4',
  '10',
  '11',
  '12',
];

/** The step numbers an element name starts with: "3–5 · …" is 3, 4 and 5; "9 · 9-1 · …" is 9 and 9-1. */
export function stepsOf(name: string | undefined): string[] {
  const prefix = /^(?:\d+(?:-\d+)?(?:–\d+)? · )+/.exec(name ?? '')?.[0];
  if (!prefix) return [];
  return prefix
    .split(' · ')
    .filter(Boolean)
    .flatMap((part) => {
      const range = /^(\d+)–(\d+)$/.exec(part);
      if (!range) return [part];
      const [from, to] = [Number(range[1]), Number(range[2])];
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    });
}
