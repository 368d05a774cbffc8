import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../config/logger.js';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('the logger', () => {
  it('redacts personal data, secrets and codes wherever they sit in a log entry', () => {
    const out = sink();
    const logger = createLogger({ level: 'info' }, out.stream);
    const person = {
      nationalCode: '0499370899',
      mobile: '09121234567',
      firstName: 'محمد',
      lastName: 'رضایی',
      birthDate: '1370/01/15',
      email: 'a@b.ir',
      password: 'secret passphrase',
    };

    logger.info({ ...person, registrationId: 'r-1' }, 'top level');
    logger.info({ applicant: person }, 'nested');
    logger.info({ req: { body: { applicant: person } } }, 'deeper');
    logger.info(
      { code: '123456', captcha: '54321', token: 'abc.def', headers: { authorization: 'Bearer x' } },
      'codes',
    );

    const text = out.text();
    for (const value of [...Object.values(person), '123456', '54321', 'abc.def', 'Bearer x'])
      expect(text).not.toContain(value);
    expect(text).toContain('r-1');
    expect(text).toContain('[redacted]');
  });
});
