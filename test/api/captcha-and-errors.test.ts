import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { newApplicant } from '../../ops/fixtures/applicants.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

let shell: StandaloneApp;
beforeAll(async () => {
  shell = await standaloneApp();
});
afterAll(() => shell?.app.close());

describe('GET /api/captcha (card step 5)', () => {
  it('given an applicant, when they ask for a captcha, then they get an id and a PNG whose answer only the test hook tells', async () => {
    const client = apiClient(shell.app);

    const { body } = await client.captcha();

    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    const png = PNG.sync.read(Buffer.from(body.image.replace(/^data:image\/png;base64,/, ''), 'base64'));
    expect(png.width).toBeGreaterThan(50);
    expect(await client.captchaAnswer(body.id)).toMatch(/^\d{5}$/);
    expect((await client.call('GET', '/__test/captcha/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('given TEST_HOOKS off, when the hook is called, then it does not exist', async () => {
    const { app } = await standaloneApp({ TEST_HOOKS: 'false' });
    try {
      const client = apiClient(app);
      const { body } = await client.captcha();
      const res = await client.call('GET', `/__test/captcha/${body.id}`);
      expect(res.status).toBe(404);
      expect(res.error?.id).toBe('not_found');
    } finally {
      await app.close();
    }
  });
});

describe('errors', () => {
  it('given a fault inside the server, when it answers, then 500 internal_error without its message, which goes to the log', async () => {
    const res = await apiClient(shell.app).call('GET', '/__boom');

    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { id: 'internal_error', text: expect.objectContaining({ fa: expect.any(String) }) },
    });
    expect(res.text).not.toContain('secret');
    expect(shell.log()).toContain('secret detail');
  });

  it('given unreadable or unknown requests, when sent, then JSON errors with their ids', async () => {
    const client = apiClient(shell.app);
    const badJson = await shell.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { 'content-type': 'application/json' },
      payload: '{',
      remoteAddress: client.address,
    });
    const xml = await shell.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
      remoteAddress: client.address,
    });
    const unknown = await client.call('GET', '/api/nothing-here');

    expect([badJson.statusCode, badJson.json().error.id]).toEqual([400, 'bad_request']);
    expect([xml.statusCode, xml.json().error.id]).toEqual([415, 'unsupported_media_type']);
    expect([unknown.status, unknown.error?.id]).toEqual([404, 'not_found']);
  });

  it('given personal data in requests, when they are logged, then no value of it is in the log', async () => {
    const client = apiClient(shell.app);
    const { id } = await client.start();
    const person = newApplicant();
    await client.saveApplicant(id, { ...person, mobile: 'bad' });
    await client.saveApplicant(id, person);
    await client.submit(id, {
      password: 'my secret passphrase',
      captchaId: '00000000-0000-4000-8000-000000000000',
      captcha: '12345',
    });

    const log = shell.log();
    expect(log).toContain('"errorId":"validation_failed","statusCode":422,"fields":["mobile:mobile_format"]');
    expect(log).toContain(`"method":"PUT","path":"/api/registrations/${id}/applicant","statusCode":422`);
    for (const value of [
      person.nationalCode,
      person.mobile,
      person.email,
      person.firstName,
      'my secret passphrase',
      client.token!,
    ]) {
      expect(log).not.toContain(value);
    }
    await shell.app.engine.cancel((await shell.app.db('registrations').where({ id }).first()).process_instance_id);
  });
});
