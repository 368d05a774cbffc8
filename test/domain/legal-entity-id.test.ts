import { describe, expect, it } from 'vitest';
import { legalEntityIdCheckDigit, validateLegalEntityId } from '../../domain/legal-entity-id.js';

const withCheckDigit = (firstTen: string) => `${firstTen}${legalEntityIdCheckDigit(firstTen)}`;

describe('validateLegalEntityId', () => {
  it('given the known valid id 14007650912, when validated, then it is accepted', () => {
    expect(validateLegalEntityId('14007650912')).toEqual({ ok: true, value: '14007650912' });
  });

  it.each(['1010000001', '1032089487', '1400123456', '1086175248'])(
    'given an id built from %s by the rule, when validated, then it is accepted',
    (prefix) => {
      const id = withCheckDigit(prefix);
      expect(validateLegalEntityId(id)).toEqual({ ok: true, value: id });
    },
  );

  it('given Persian digits and spaces, when validated, then eleven ASCII digits come back', () => {
    expect(validateLegalEntityId('۱۴۰۰ ۷۶۵ ۰۹۱۲')).toEqual({ ok: true, value: '14007650912' });
  });

  it('given a wrong check digit, when validated, then it fails the checksum', () => {
    expect(validateLegalEntityId('14007650913')).toEqual({ ok: false, code: 'legal_entity_id_checksum' });
  });

  it('given eleven zeros, when validated, then it is refused', () => {
    expect(validateLegalEntityId('00000000000')).toEqual({ ok: false, code: 'legal_entity_id_checksum' });
  });

  it.each(['1400765091', '140076509120', '1400765091x'])(
    'given %j, when validated, then it is a format error',
    (id) => {
      expect(validateLegalEntityId(id)).toEqual({ ok: false, code: 'legal_entity_id_format' });
    },
  );
});
