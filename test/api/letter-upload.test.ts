import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { LETTER_MAX_BYTES } from '../../api/registrations/registration-service.js';
import { apiClient } from '../support/api-client.js';
import { letterPdf } from '../support/fixtures.js';
import { useApiOnStack } from '../support/lifecycle.js';

const ctx = useApiOnStack();

const pdfOfSize = (size: number) => Buffer.concat([letterPdf, Buffer.alloc(size - letterPdf.length, 0x20)]);
const png = () => PNG.sync.write(new PNG({ width: 4, height: 4 }));

describe('POST /api/registrations/:id/letter (card step 3-2)', () => {
  it('given a PDF of exactly 5 MB, when uploaded, then the view shows the letter', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, pdfOfSize(LETTER_MAX_BYTES), 'نامه معرفی.pdf');

    expect(res.status).toBe(200);
    expect(res.body.letter).toMatchObject({ fileName: 'نامه معرفی.pdf', mimeType: 'application/pdf', sizeBytes: LETTER_MAX_BYTES });
  });

  it('given a PNG sent under a PDF name and type, when uploaded, then it is stored as what its content is', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, png(), 'letter.pdf', 'application/pdf');

    expect(res.body.letter?.mimeType).toBe('image/png');
  });

  it('given a file one byte over 5 MB, when uploaded, then 413 letter_too_large and nothing stored', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, pdfOfSize(LETTER_MAX_BYTES + 1));

    expect(res.status).toBe(413);
    expect(res.error?.id).toBe('letter_too_large');
    expect(res.error?.text.fa).toContain('۵ مگابایت');
    expect((await client.view(id)).body.letter).toBeNull();
  });

  it('given a text file named .pdf, when uploaded, then 415 letter_type', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, Buffer.from('this is not a letter'), 'letter.pdf', 'application/pdf');

    expect(res.status).toBe(415);
    expect(res.error?.id).toBe('letter_type');
  });

  it('given a form without the letter field, or no form at all, when posted, then 422 on letter or 415', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    const form = new FormData();
    form.append('file', new Blob([letterPdf]), 'letter.pdf');

    const noField = await client.call('POST', `/api/registrations/${id}/letter`, { form });
    const json = await client.call('POST', `/api/registrations/${id}/letter`, { body: { letter: 'JVBERi0=' } });

    expect(noField.status).toBe(422);
    expect(noField.error?.fields).toEqual([expect.objectContaining({ field: 'letter', id: 'required' })]);
    expect(json.status).toBe(415);
    expect(json.error?.id).toBe('unsupported_media_type');
  });
});
