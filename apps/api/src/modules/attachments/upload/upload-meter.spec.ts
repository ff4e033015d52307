import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../common/errors/app-error.js';
import { SNIFF_BYTES, UploadMeter } from './upload-meter.js';

const PDF_HEAD = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');

function meter(maxFileBytes = 10_000_000) {
  return new UploadMeter({ maxFileBytes, roomBytes: Number.MAX_SAFE_INTEGER, quotaExceeded: () => new AppError('ATTACHMENT_QUOTA_EXCEEDED', '超出限额') });
}

/** Runs `content` through a meter in chunks of `chunk` bytes; returns what came out of it. */
async function through(content: Buffer, chunk: number, m = meter()): Promise<{ out: Buffer; m: UploadMeter }> {
  const parts: Buffer[] = [];
  const chunks = Array.from({ length: Math.ceil(content.length / chunk) }, (_, i) => content.subarray(i * chunk, (i + 1) * chunk));
  await pipeline(
    Readable.from(chunks),
    m,
    new Writable({
      write(data: Buffer, _encoding, done) {
        parts.push(data);
        done();
      },
    }),
  );
  return { out: Buffer.concat(parts), m };
}

describe('UploadMeter (streamed count, hash and type by content)', () => {
  it.each([
    ['shorter than the sniffing window', 200],
    ['exactly the window', SNIFF_BYTES],
    ['longer than the window', SNIFF_BYTES * 3 + 17],
  ])('passes a PDF %s through whole, byte for byte, and hashes it', async (_name, size) => {
    const content = Buffer.concat([PDF_HEAD, Buffer.alloc(size - PDF_HEAD.length, 0x20)]);
    for (const chunk of [1, 100, 4096, content.length]) {
      const { out, m } = await through(content, chunk);
      expect(out.equals(content)).toBe(true);
      expect(m.bytes).toBe(content.length);
      expect(m.mediaType).toBe('application/pdf');
      expect(m.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    }
  });

  it('refuses an empty file, a file that is no PDF/JPEG/PNG, and a file over the limit', async () => {
    await expect(through(Buffer.alloc(0), 1)).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    await expect(through(Buffer.from('MZ\x90\x00 not a pdf at all', 'latin1'), 4)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const big = Buffer.concat([PDF_HEAD, Buffer.alloc(5000)]);
    await expect(through(big, 1000, meter(4000))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
