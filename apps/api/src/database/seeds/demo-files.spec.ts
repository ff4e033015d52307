import { createHash } from 'node:crypto';
import { judgeMediaType } from '../../modules/attachments/upload/upload-meter.js';
import { demoIdCardPng, demoPdf } from './demo-files.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the demo materials made in code', () => {
  it('are a PDF and a PNG by their content, as the upload route judges them', async () => {
    await expect(judgeMediaType(demoPdf({ title: '劳动合同书', lines: ['甲方（用人单位）：云州市示范科技有限公司', 'ASCII 2021-07-05'] }))).resolves.toBe('application/pdf');
    await expect(judgeMediaType(demoIdCardPng('林雨桐'))).resolves.toBe('image/png');
  });

  it('give every owner and document a file of its own (its own SHA-256), the same one each time', () => {
    expect(sha256(demoIdCardPng('林雨桐'))).not.toBe(sha256(demoIdCardPng('陈浩然')));
    expect(sha256(demoIdCardPng('林雨桐'))).toBe(sha256(demoIdCardPng('林雨桐')));
    expect(sha256(demoPdf({ title: '学位证书', lines: ['林雨桐'] }))).not.toBe(sha256(demoPdf({ title: '学位证书', lines: ['陈浩然'] })));
  });

  it('write a PDF whose cross-reference table points at its objects', () => {
    const pdf = demoPdf({ title: '毕业证书', lines: ['学生 林雨桐'] }).toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(8);
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });
});
