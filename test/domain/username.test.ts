import { describe, expect, it } from 'vitest';
import { isValidUsername, transliteratePersian, usernameCandidates } from '../../domain/username.js';

describe('transliteratePersian', () => {
  it.each([
    ['رضایی', 'rzayi'],
    ['کریمی', 'krimi'],
    ['نوری', 'nori'],
    ['وحید', 'vhid'],
    ['یزدانی', 'yzdani'],
    ['داوود', 'davvd'],
    ['چگینی', 'chgini'],
    ['ژیلا', 'zhila'],
    ['خسروشاهی', 'khsroshahi'],
    ['قاسمی', 'ghasmi'],
    ['عباسی', 'abasi'],
    ['جعفری', 'jfri'],
    ['آقایی', 'aghayi'],
    ['رئیسی', 'ryisi'],
    ['اسماعیل\u200cزاده', 'asmailzadh'],
    ['سید محمد', 'sidmhmd'],
  ])('given %s, when transliterated, then it is %s', (persian, latin) => {
    expect(transliteratePersian(persian)).toBe(latin);
  });

  it('given Arabic yeh and kaf, when transliterated, then they read as Persian ی and ک', () => {
    expect(transliteratePersian('كريمي')).toBe('krimi');
  });
});

/** The first name tried: the base the others number. */
const baseUsername = (input: Parameters<typeof usernameCandidates>[0]) => usernameCandidates(input).next().value!;

describe('the first username candidate', () => {
  it("given a representative and an agency, when built, then it is initial, last name and the id's last four digits", () => {
    const name = baseUsername({ firstName: 'محمد', lastName: 'رضایی', agencyNationalId: '14007650912' });
    expect(name).toBe('mrzayi.0912');
    expect(isValidUsername(name)).toBe(true);
  });

  it('given an id in Persian digits, when built, then the digits are ASCII', () => {
    expect(baseUsername({ firstName: 'علی', lastName: 'نوری', agencyNationalId: '۱۴۰۰۷۶۵۰۹۱۲' })).toBe('anori.0912');
  });

  it('given a very long last name, when built, then the name part is cut to keep 32 characters', () => {
    const name = baseUsername({ firstName: 'محمد', lastName: 'ب'.repeat(50), agencyNationalId: '14007650912' });
    expect(name).toHaveLength(32);
    expect(name.endsWith('.0912')).toBe(true);
    expect(isValidUsername(name)).toBe(true);
  });

  it('given names that transliterate to nothing, when built, then a readable fallback is used', () => {
    expect(baseUsername({ firstName: 'ءء', lastName: 'ءء', agencyNationalId: '14007650912' })).toBe('user.0912');
  });
});

describe('usernameCandidates', () => {
  const input = { firstName: 'محمد', lastName: 'رضایی', agencyNationalId: '14007650912' };

  it('given a representative, when candidates are taken, then the base comes first and then numbered variants', () => {
    expect([...usernameCandidates(input, 4)]).toEqual(['mrzayi.0912', 'mrzayi2.0912', 'mrzayi3.0912', 'mrzayi4.0912']);
  });

  it('given the default limit, when all are taken, then there are 100 distinct valid names', () => {
    const all = [...usernameCandidates(input)];
    expect(all).toHaveLength(100);
    expect(new Set(all).size).toBe(100);
    expect(all.every(isValidUsername)).toBe(true);
  });

  it('given a name at the length limit, when numbered, then the name part shrinks so each stays within 32', () => {
    const long = { ...input, lastName: 'ب'.repeat(50) };
    const all = [...usernameCandidates(long)];
    expect(all.every((n) => n.length <= 32 && isValidUsername(n))).toBe(true);
    expect(new Set(all).size).toBe(100);
  });
});

describe('isValidUsername', () => {
  it.each(['ab', 'Mrzayi.0912', 'm_rzayi', 'a'.repeat(33), 'علی.0912'])(
    'given %j, when checked, then it is not a username',
    (s) => {
      expect(isValidUsername(s)).toBe(false);
    },
  );
});
