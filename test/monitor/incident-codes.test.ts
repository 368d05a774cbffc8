import { describe, expect, it } from 'vitest';
import { incidentCode, incidentExplanation, incidentSystem } from '../../domain/incident-codes.js';

describe('incidents by outside system', () => {
  it('given the code a worker put at the start of the message, the system and its Persian explanation', () => {
    expect(incidentCode('PGSB_TIMEOUT: no answer in 5000 ms')).toBe('PGSB_TIMEOUT');
    expect(incidentSystem('PGSB_TIMEOUT: no answer')).toBe('pgsb');
    expect(incidentSystem('SMS_UNAVAILABLE: 503')).toBe('sms');
    expect(incidentSystem('MAIL_UNAVAILABLE: SMTP server unavailable')).toBe('mail');
    expect(incidentSystem('CRL_UNREACHABLE: http://ca/crl')).toBe('ca');
    expect(incidentSystem('CA_UNAVAILABLE: 502')).toBe('ca');
    expect(incidentExplanation('PGSB_TIMEOUT').fa).toContain('پاسخ نداد');
  });

  it('given a message of our own fault or none, "other" with the internal explanation, and never the message itself', () => {
    expect(incidentSystem('REGISTRATION_NOT_FOUND: 1234')).toBe('other');
    expect(incidentCode('Unexpected exception')).toBeNull();
    expect(incidentExplanation(null).en).toContain('internal');
    expect(incidentExplanation('REGISTRATION_NOT_FOUND')).toEqual(incidentExplanation(null));
  });
});
