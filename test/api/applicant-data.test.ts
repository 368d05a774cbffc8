import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';

const ctx = useApiOnStack();

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

describe('PUT /api/registrations/:id/applicant (card step 3)', () => {
  it('given details typed with Persian digits, when saved, then the view refills the form with them normalised', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    const person = newApplicant();

    const res = await client.saveApplicant(id, {
      ...person,
      nationalCode: persian(person.nationalCode),
      mobile: persian(person.mobile),
      birthDate: '۱۳۷۰/۱/۱۵',
    });

    expect(res.status).toBe(200);
    expect(res.body.step).toBe('applicant-data');
    expect(res.body.data).toEqual({ ...person, birthDate: '1370/01/15' });
    expect(res.body.data).not.toHaveProperty('passwordHash');
    expect((await client.view(id)).body.data?.nationalCode).toBe(person.nationalCode);
  });

  it('given several wrong fields, when saved, then 422 names each one with its own message', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    const person = newApplicant();

    const res = await client.saveApplicant(id, {
      ...person,
      nationalCode: '1234567890',
      mobile: '0812',
      firstName: '',
      birthDate: '1370/13/01',
      email: 'no-at-sign',
      agencyNationalId: '1234',
    });

    expect(res.status).toBe(422);
    expect(res.error?.id).toBe('validation_failed');
    expect(res.error?.fields?.map((f) => [f.field, f.id])).toEqual([
      ['nationalCode', 'national_code_checksum'],
      ['mobile', 'mobile_format'],
      ['firstName', 'required'],
      ['birthDate', 'birth_date_invalid'],
      ['email', 'email_format'],
      ['agencyNationalId', 'legal_entity_id_format'],
    ]);
    for (const f of res.error!.fields!) expect(f.text.fa.length).toBeGreaterThan(5);
    expect((await client.view(id)).body.data).toBeNull();
  });

  it('given values of the wrong type or too long, when saved, then 422 per field from the schema', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.call('PUT', `/api/registrations/${id}/applicant`, {
      body: { ...newApplicant(), firstName: { a: 1 }, agencyName: 'x'.repeat(301) },
    });

    expect(res.status).toBe(422);
    expect(res.error?.fields?.map((f) => [f.field, f.id])).toEqual([
      ['firstName', 'field_invalid'],
      ['agencyName', 'field_invalid'],
    ]);
  });

  it('given an agency named by a request never verified, when another request names it, then it is saved: naming an agency holds nothing', async () => {
    const first = apiClient(ctx.app);
    const second = apiClient(ctx.app);
    const person = newApplicant();
    await first.saveApplicant((await first.start()).id, person);

    const res = await second.saveApplicant(
      (await second.start()).id,
      newApplicant({ agencyNationalId: person.agencyNationalId }),
    );

    expect(res.status).toBe(200);
    expect(res.body.data?.agencyNationalId).toBe(person.agencyNationalId);
  });
});
