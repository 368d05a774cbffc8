import { describe, expect, it } from 'vitest';
import { APPLICANT_FIELDS, validateApplicantData, type RawApplicantData } from '../../domain/applicant-data.js';

const today = new Date('2024-08-07T08:00:00Z');

const form: RawApplicantData = {
  nationalCode: '۰۴۹۹۳۷۰۸۹۹',
  mobile: '+98 912 123 4567',
  firstName: 'علي',
  lastName: 'رضایی',
  fatherName: 'حسن',
  birthCertificateNumber: '۱۲۳۴',
  birthDate: '۱۳۷۰/۱/۱۵',
  email: 'Ali@ITO.GOV.IR',
  agencyName: 'سازمان   فناوری اطلاعات ايران',
  agencyNationalId: '۱۴۰۰۷۶۵۰۹۱۲',
  representativePosition: 'مدیر کل دفتر فناوری اطلاعات',
};

describe('validateApplicantData', () => {
  it('given a well-filled form with Persian digits, when validated, then every field comes back normalised', () => {
    expect(validateApplicantData(form, today)).toEqual({
      ok: true,
      value: {
        nationalCode: '0499370899',
        mobile: '09121234567',
        firstName: 'علی',
        lastName: 'رضایی',
        fatherName: 'حسن',
        birthCertificateNumber: '1234',
        birthDate: '1370/01/15',
        birthDateGregorian: '1991-04-04',
        email: 'Ali@ito.gov.ir',
        agencyName: 'سازمان فناوری اطلاعات ایران',
        agencyNationalId: '14007650912',
        representativePosition: 'مدیر کل دفتر فناوری اطلاعات',
      },
    });
  });

  it('given several bad fields, when validated, then each is reported with its own code', () => {
    const result = validateApplicantData(
      {
        ...form,
        nationalCode: '0499370898',
        mobile: '0212345678',
        birthDate: '1402/12/30',
        agencyNationalId: '1400765091',
      },
      today,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'nationalCode', code: 'national_code_checksum' },
        { field: 'mobile', code: 'mobile_format' },
        { field: 'birthDate', code: 'birth_date_invalid' },
        { field: 'agencyNationalId', code: 'legal_entity_id_format' },
      ],
    });
  });

  it('given an empty form, when validated, then every field is required', () => {
    const result = validateApplicantData({}, today);
    expect(result).toEqual({ ok: false, errors: APPLICANT_FIELDS.map((field) => ({ field, code: 'required' })) });
  });

  it('given blank, non-string and missing values, when validated, then they are required', () => {
    const result = validateApplicantData({ ...form, email: '   ', firstName: 42, fatherName: undefined }, today);
    expect(!result.ok && result.errors).toEqual([
      { field: 'firstName', code: 'required' },
      { field: 'fatherName', code: 'required' },
      { field: 'email', code: 'required' },
    ]);
  });

  it('given an agency name or position of the wrong length or without letters, when validated, then their codes come back', () => {
    const result = validateApplicantData({ ...form, agencyName: 'ا', representativePosition: 'م'.repeat(101) }, today);
    expect(!result.ok && result.errors).toEqual([
      { field: 'agencyName', code: 'agency_name_format' },
      { field: 'representativePosition', code: 'representative_position_format' },
    ]);
    const digitsOnly = validateApplicantData({ ...form, agencyName: '1234' }, today);
    expect(!digitsOnly.ok && digitsOnly.errors).toEqual([{ field: 'agencyName', code: 'agency_name_format' }]);
  });

  it('given a representative under 18, when validated, then the birth date is too young', () => {
    const result = validateApplicantData({ ...form, birthDate: '1390/01/01' }, today);
    expect(!result.ok && result.errors).toEqual([{ field: 'birthDate', code: 'birth_date_too_young' }]);
  });
});
