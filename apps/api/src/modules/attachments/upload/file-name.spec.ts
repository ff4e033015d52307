import { displayFileName, FILE_NAME_MAX_CHARS } from './file-name.js';
import { contentDisposition } from './content-disposition.js';

const name = (raw: string | undefined) => displayFileName(raw, '身份证复印件正反面');

describe('displayFileName', () => {
  it('keeps a Chinese name, in NFC', () => {
    expect(name('毕业证书.pdf')).toEqual({ ok: true, name: '毕业证书.pdf' });
    expect(name('Cafe\u0301.png')).toEqual({ ok: true, name: 'Caf\u00e9.png' });
  });

  it('keeps only the last path segment, so ../ never reaches anything', () => {
    expect(name('../../etc/passwd.pdf')).toEqual({ ok: true, name: 'passwd.pdf' });
    expect(name('C:\\Users\\lin\\学位证.jpg')).toEqual({ ok: true, name: '学位证.jpg' });
    expect(name('..')).toEqual({ ok: true, name: '身份证复印件正反面' });
    expect(name('a/..')).toEqual({ ok: true, name: '身份证复印件正反面' });
  });

  it('refuses control characters and direction overrides', () => {
    for (const raw of ['a\r\nb.pdf', 'a\nb.pdf', 'a\tb.pdf', 'a\u0000.pdf', 'a\u007f.pdf', 'invoice\u202Efdp.exe']) {
      expect(name(raw).ok).toBe(false);
    }
  });

  it('trims spaces and gives a nameless file the default name', () => {
    expect(name('  合同.pdf  ')).toEqual({ ok: true, name: '合同.pdf' });
    expect(name('')).toEqual({ ok: true, name: '身份证复印件正反面' });
    expect(name(undefined)).toEqual({ ok: true, name: '身份证复印件正反面' });
  });

  it('cuts a long name to 255 characters, keeping the extension and whole characters', () => {
    const result = name(`${'学'.repeat(300)}.pdf`);
    expect(result.ok && [...result.name].length).toBe(FILE_NAME_MAX_CHARS);
    expect(result.ok && result.name.endsWith('学.pdf')).toBe(true);
    const emoji = name('😀'.repeat(300));
    expect(emoji.ok && [...emoji.name].length).toBe(FILE_NAME_MAX_CHARS);
    expect(emoji.ok && emoji.name.isWellFormed()).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives a UTF-8 filename* and an ASCII fallback', () => {
    expect(contentDisposition('inline', '学位证书 (1).pdf')).toBe(
      `inline; filename="____ (1).pdf"; filename*=UTF-8''%E5%AD%A6%E4%BD%8D%E8%AF%81%E4%B9%A6%20%281%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or semicolons', () => {
    const header = contentDisposition('attachment', 'a";b\\c\'d%.pdf');
    expect(header).toBe(`attachment; filename="a_;b_c'd_.pdf"; filename*=UTF-8''a%22%3Bb%5Cc%27d%25.pdf`);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('a";b\\c\'d%.pdf');
  });
});
