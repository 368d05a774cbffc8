import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../domain/messages.js';
import { newClientAddress } from '../support/api-app.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

// The cases the fuzzer found (test/api/fuzz.test.ts), kept as named examples.
let shell: StandaloneApp;
beforeAll(async () => {
  shell = await standaloneApp();
});
afterAll(() => shell?.app.close());

const send = (method: 'GET' | 'POST', url: string, payload?: string, contentType?: string) =>
  shell.app.inject({
    method,
    url,
    remoteAddress: newClientAddress(),
    ...(payload !== undefined ? { payload } : {}),
    headers: contentType ? { 'content-type': contentType } : {},
  });

describe('requests the API cannot read', () => {
  it('given a JSON array where an object belongs, then 422 naming the body', async () => {
    const res = await send('POST', '/api/staff/login', '[1,2]', 'application/json');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      id: 'validation_failed',
      fields: [{ field: 'body', id: 'field_invalid' }],
    });
  });

  it('given a text/plain body, then 422 naming the body', async () => {
    const res = await send('POST', '/api/auth/login', 'username=x', 'text/plain');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'body', id: 'field_invalid', text: messageText('field_invalid') },
    ]);
  });

  it('given a NUL character in a field (which PostgreSQL cannot store), then 422 naming the field, not a server error', async () => {
    const res = await send(
      'POST',
      '/api/staff/login',
      JSON.stringify({ username: 'a\u0000b', password: 'x' }),
      'application/json',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'username', id: 'field_invalid', text: messageText('field_invalid') },
    ]);
  });

  it('given a URL that does not decode, then 400 with the usual error body', async () => {
    const res = await send('GET', '/api/registrations/%zz');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { id: 'bad_request', text: messageText('bad_request') } });
  });

  it('given a multipart body cut short, then 400 bad_request, not a server error', async () => {
    const started = await shell.app.inject({
      method: 'POST',
      url: '/api/registrations',
      remoteAddress: newClientAddress(),
      payload: {},
    });
    const { token, registration } = started.json() as { token: string; registration: { id: string } };
    const boundary = 'cutShort';
    const res = await shell.app.inject({
      method: 'POST',
      url: `/api/registrations/${registration.id}/letter`,
      remoteAddress: newClientAddress(),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="letter"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { id: 'bad_request', text: messageText('bad_request') } });
    await shell.app.inject({
      method: 'DELETE',
      url: `/api/registrations/${registration.id}/session`,
      remoteAddress: newClientAddress(),
      headers: { authorization: `Bearer ${token}` },
    });
  });
});
