export interface NormalizeDigitsOptions {
  /** Also drop spaces, dashes and parentheses, for numbers people group as they type them (0912 123 4567). */
  stripSeparators?: boolean;
}

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

// Text copied from RTL pages carries invisible joiners and direction marks that break digit patterns.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212()]/g;

/**
 * ASCII digits for numeric fields typed on Persian or Arabic keyboards.
 * Not for names: it removes ZWNJ, which is part of Persian spelling.
 */
export function normalizeDigits(input: string, options: NormalizeDigitsOptions = {}): string {
  let s = input.replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - PERSIAN_ZERO));
  s = s.replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - ARABIC_INDIC_ZERO));
  s = s.replace(INVISIBLE, '').trim();
  return options.stripSeparators ? s.replace(SEPARATORS, '') : s;
}
