import { describe, expect, it } from 'vitest';
import { commonNameOf, subjectMismatches, validateCertificateForm } from '../../domain/certificate-request-form.js';

const form = {
  kind: 'individual-government',
  role: 'MANAGER',
  organization: 'وزارت آزمون',
  agencyNationalId: '14000000003',
  nationalCode: '0012345679',
  firstName: 'سارا',
  lastName: 'احمدی',
  mobile: '09121234567',
};
const subject = (cn = 'سارا احمدی', title = 'MANAGER') => [
  { oid: '2.5.4.6', value: 'IR' },
  { oid: '2.5.4.10', value: 'وزارت آزمون' },
  { oid: '2.5.4.97', value: 'NTRIR-14000000003' },
  { oid: '2.5.4.12', value: title },
  { oid: '2.5.4.3', value: cn },
];

describe("the clerk's certificate request form", () => {
  it('given a government individual, then valid, and the holder is the person', () => {
    const r = validateCertificateForm(form);
    expect(r.ok).toBe(true);
    if (r.ok) expect(commonNameOf(r.value)).toBe('سارا احمدی');
  });

  it('given a non-government kind, an unknown kind and a role in Persian, then each field is named', () => {
    expect(validateCertificateForm({ ...form, kind: 'seal-non-government', role: 'مدیر' })).toEqual({
      ok: false,
      errors: [
        { field: 'kind', code: 'certificate_kind_not_offered' },
        { field: 'role', code: 'certificate_role_format' },
      ],
    });
    expect(validateCertificateForm({ ...form, kind: 'root' })).toMatchObject({
      errors: [{ field: 'kind', code: 'certificate_kind_invalid' }],
    });
  });

  it('given a CSR subject as entered (Arabic yeh typed for Persian, C=IR added), then it matches; another role or an extra attribute does not', () => {
    const valid = validateCertificateForm(form);
    if (!valid.ok) throw new Error('form');
    expect(subjectMismatches(valid.value, subject('سارا احمدي'))).toEqual([]);
    expect(subjectMismatches(valid.value, subject(undefined, 'DEPUTY'))).toEqual(['role']);
    expect(subjectMismatches(valid.value, [...subject(), { oid: '2.5.4.11', value: 'IT' }])).toEqual(['csr']);
    expect(subjectMismatches(valid.value, subject().slice(0, 4))).toEqual(['lastName']);
  });
});
