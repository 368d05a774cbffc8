import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';

const ctx = useApiOnStack();

describe('GET /api/registrations/:id/letter-template (card step 3-1)', () => {
  it('given saved details, when the template is opened, then it is a Persian page to print with them, a signature and a stamp', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    const person = newApplicant();
    await client.saveApplicant(id, person);

    const res = await client.call('GET', `/api/registrations/${id}/letter-template`);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    // Its own policy: the embedded font and styles apply, and still no script runs.
    expect(res.headers['content-security-policy']).toContain('font-src data:');
    // Its one stylesheet by its hash, as the browser computes it over the <style> element's text; no other inline style.
    const css = /<style>([\s\S]*?)<\/style>/.exec(res.text)![1]!;
    expect(res.headers['content-security-policy']).toContain(
      `style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`,
    );
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['content-security-policy']).not.toContain('script-src');
    expect(res.text).toContain('<html lang="fa" dir="rtl">');
    expect(res.text).toContain('@page { size: A4');
    // The font travels inside the page, its stylesheet not mangled by the escaping of values.
    expect(res.text).toMatch(/font-family: 'Vazirmatn';[^}]+src: url\(data:font\/woff2;base64,/);
    for (const text of [
      person.firstName,
      person.lastName,
      person.agencyName,
      person.representativePosition,
      person.email,
      'امضا',
      'محل مهر دستگاه',
      id,
    ]) {
      expect(res.text).toContain(text);
    }
    // Numbers read in Persian digits on the letter.
    expect(res.text).toContain(person.nationalCode.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))));
  });

  it('given details with markup in them, when the template is opened, then the markup is shown as text', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    await client.saveApplicant(id, newApplicant({ agencyName: 'سازمان <img src=x onerror=alert(1)> "نمونه"' }));

    const res = await client.call('GET', `/api/registrations/${id}/letter-template`);

    expect(res.text).toContain('سازمان &lt;img src=x onerror=alert(1)&gt; &quot;نمونه&quot;');
    expect(res.text).not.toContain('<img');
  });

  it('given nothing saved yet, when the template is opened, then it has blanks to fill by hand', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.call('GET', `/api/registrations/${id}/letter-template`);

    expect(res.status).toBe(200);
    expect(res.text.match(/class="blank"/g)?.length).toBeGreaterThan(10);
  });
});
