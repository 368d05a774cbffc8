import { fail, ok, type Result } from './result.js';
import { normalizeDigits } from './digits.js';

export const LEGAL_ENTITY_ID_ERRORS = ['legal_entity_id_format', 'legal_entity_id_checksum'] as const;
export type LegalEntityIdError = (typeof LEGAL_ENTITY_ID_ERRORS)[number];

const WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17] as const;

/** The check digit of a شناسه ملی's first ten digits (the companies registry's rule). */
export function legalEntityIdCheckDigit(firstTen: string): number {
  const tens = Number(firstTen[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(firstTen[i]) + tens) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 10 ? 0 : r;
}

/** A legal entity's national id (شناسه ملی اشخاص حقوقی) as 11 ASCII digits. */
export function validateLegalEntityId(input: string): Result<string, LegalEntityIdError> {
  const id = normalizeDigits(input, { stripSeparators: true });
  if (!/^\d{11}$/.test(id)) return fail('legal_entity_id_format');
  if (/^0+$/.test(id)) return fail('legal_entity_id_checksum');
  if (legalEntityIdCheckDigit(id) !== Number(id[10])) return fail('legal_entity_id_checksum');
  return ok(id);
}
