import { describe, expect, it } from 'vitest';
import { normalizePersianText, validatePersonName } from '../../domain/person-name.js';

describe('normalizePersianText', () => {
  it('given Arabic yeh, alef maksura and kaf, when normalised, then they become Persian ی and ک', () => {
    expect(normalizePersianText('علي كريمى')).toBe('علی کریمی');
  });

  it('given runs of spaces and stray ZWNJs, when normalised, then one space or one ZWNJ remains', () => {
    expect(normalizePersianText('  محمد   \u200cرضا\u200c\u200cزاده\u200c ')).toBe('محمد رضا\u200cزاده');
  });

  it('given tatweel and short-vowel marks, when normalised, then they are dropped', () => {
    expect(normalizePersianText('مُحَمّـــد')).toBe('محمد');
  });
});

describe('validatePersonName', () => {
  it.each(['علی', 'محمدرضا', 'سید محمد', 'اسماعیل\u200cزاده', 'رئیسی', 'مؤمنی', 'ژیلا', 'چگینی', 'پگاه', 'آرش'])(
    'given the Persian name %s, when validated, then it is accepted',
    (name) => {
      expect(validatePersonName(name)).toEqual({ ok: true, value: name });
    },
  );

  it('given a name typed on an Arabic keyboard, when validated, then the Persian spelling comes back', () => {
    expect(validatePersonName(' علي  كاظمي ')).toEqual({ ok: true, value: 'علی کاظمی' });
  });

  it.each(['ع', 'Ali', 'علی2', 'علی۲', 'علی-رضا', 'علی.', '', '   '])(
    'given %j, when validated, then it is refused',
    (name) => {
      expect(validatePersonName(name)).toEqual({ ok: false, code: 'name_format' });
    },
  );

  it('given 50 letters, when validated, then it passes; 51 letters fail', () => {
    expect(validatePersonName('ب'.repeat(50)).ok).toBe(true);
    expect(validatePersonName('ب'.repeat(51))).toEqual({ ok: false, code: 'name_format' });
  });
});
