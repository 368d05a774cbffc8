import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { LETTER_MAX_BYTES } from '../../api/registrations/registration-service.js';
import { apiClient } from '../support/api-client.js';
import { letterPdf } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';
import {
  encryptedPdf,
  hugePngHeader,
  jpeg8x8,
  jpegHeaderOnly,
  pdfOfPages,
  pdfWithoutPages,
  truncatedPng,
} from './letter-files.js';

const ctx = useApiOnStack();

const pdfOfSize = (size: number) => Buffer.concat([letterPdf, Buffer.alloc(size - letterPdf.length, 0x20)]);
const png = () => PNG.sync.write(new PNG({ width: 4, height: 4 }));

describe('POST /api/registrations/:id/letter (card step 3-2)', () => {
  it('given a PDF of exactly 5 MB, when uploaded, then the view shows the letter', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, pdfOfSize(LETTER_MAX_BYTES), 'نامه معرفی.pdf');

    expect(res.status).toBe(200);
    expect(res.body.letter).toMatchObject({
      fileName: 'نامه معرفی.pdf',
      mimeType: 'application/pdf',
      sizeBytes: LETTER_MAX_BYTES,
    });
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

  it('given a file that begins like a PDF and has no page, when uploaded, then 422 letter_unreadable in Persian and nothing stored', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, pdfWithoutPages);

    expect(res.status).toBe(422);
    expect(res.error?.id).toBe('letter_unreadable');
    expect(res.error?.text.fa).toContain('باز نمی‌شود');
    expect((await client.view(id)).body.letter).toBeNull();
  });

  it('given a password-protected PDF, when uploaded, then 422 letter_encrypted', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, encryptedPdf);

    expect(res.status).toBe(422);
    expect(res.error?.id).toBe('letter_encrypted');
    expect(res.error?.text.fa).toContain('رمزگذاری');
  });

  it('given PDFs of LETTER_MAX_PAGES (10) pages and of one more, when uploaded, then the first is kept and the second refused', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const ten = await client.uploadLetter(id, await pdfOfPages(10), 'ten.pdf');
    const eleven = await client.uploadLetter(id, await pdfOfPages(11), 'eleven.pdf');

    expect(ten.status).toBe(200);
    expect(eleven.status).toBe(422);
    expect(eleven.error?.id).toBe('letter_too_many_pages');
    expect((await client.view(id)).body.letter?.fileName).toBe('ten.pdf');
  });

  it('given images that are not what they begin as, when uploaded, then 422: a cut PNG and a bare JPEG header do not open, a giant PNG is too large', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const cut = await client.uploadLetter(id, truncatedPng(), 'scan.png', 'image/png');
    const bare = await client.uploadLetter(id, jpegHeaderOnly(), 'scan.jpg', 'image/jpeg');
    const giant = await client.uploadLetter(id, hugePngHeader(), 'scan.png', 'image/png');

    expect([cut.status, cut.error?.id]).toEqual([422, 'letter_unreadable']);
    expect([bare.status, bare.error?.id]).toEqual([422, 'letter_unreadable']);
    expect([giant.status, giant.error?.id]).toEqual([422, 'letter_image_too_large']);
    expect((await client.view(id)).body.letter).toBeNull();
  });

  it('given a JPEG scan, when uploaded, then it is kept as a JPEG', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.uploadLetter(id, jpeg8x8(), 'scan.jpg', 'image/jpeg');

    expect(res.status).toBe(200);
    expect(res.body.letter?.mimeType).toBe('image/jpeg');
  });

  it('given two files in one upload, when posted, then 400 letter_one_file saying one file is expected, and nothing stored', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    const form = new FormData();
    form.append('letter', new Blob([new Uint8Array(letterPdf)], { type: 'application/pdf' }), 'letter.pdf');
    form.append('letter', new Blob([new Uint8Array(letterPdf)], { type: 'application/pdf' }), 'second.pdf');

    const res = await client.call('POST', `/api/registrations/${id}/letter`, { form });

    expect(res.status).toBe(400);
    expect(res.error?.id).toBe('letter_one_file');
    expect(res.error?.text.fa).toBe('لطفاً فقط یک فایل، یعنی نامه معرفی، بارگذاری کنید.');
    expect((await client.view(id)).body.letter).toBeNull();
  });
});
