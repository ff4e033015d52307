import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * The bytes of the demo's proof materials, made in code (no binary file in the repository): a
 * one-page PDF with the document's lines, and a PNG picture of an identity card, front and back.
 * Small (a few KB) and different for every owner, so that each stored file has its own SHA-256.
 */

// ——— PDF ———

export interface DemoPdf {
  /** The document's title, e.g. 劳动合同. */
  title: string;
  /** Its lines, Chinese and ASCII mixed. */
  lines: string[];
}

/**
 * A one-page A4 PDF 1.4. Chinese is set in STSong-Light, one of the standard CJK fonts that PDF
 * readers bring themselves (Adobe-GB1 with the UniGB-UCS2-H CMap), so no font is embedded; a
 * line in Helvetica says what the file is, for a reader without CJK fonts.
 */
export function demoPdf({ title, lines }: DemoPdf): Buffer {
  const text: string[] = ['BT', '/F2 20 Tf', '72 760 Td', `${cjk(title)} Tj`, 'ET'];
  let y = 712;
  for (const line of lines) {
    text.push('BT', '/F2 12 Tf', `72 ${y} Td`, `${cjk(line)} Tj`, 'ET');
    y -= 24;
  }
  text.push('BT', '/F1 9 Tf', '72 60 Td', '(Butietong demo data - not a real document) Tj', 'ET');
  // A frame and a rule under the title, so that the preview looks like a page of a document.
  const drawing = ['0.2 0.3 0.5 RG', '1.5 w', '48 40 499 762 re S', '72 744 m 523 744 l S'];
  const content = [...drawing, ...text].join('\n');

  // In the CID font, 1–95 are the half-width ASCII of Adobe-GB1 (/W), the rest full width (/DW).
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 8 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  // Everything above is ASCII (Chinese goes in as hex), so string offsets are byte offsets.
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A text string for UniGB-UCS2-H: UCS-2 big-endian, as a hex string. */
function cjk(text: string): string {
  let hex = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Outside the BMP (no such character in the demo) UCS-2 has no code: a full-width question mark.
    hex += (code > 0xffff ? 0xff1f : code).toString(16).padStart(4, '0');
  }
  return `<${hex}>`;
}

// ——— PNG ———

/**
 * A PNG (8-bit RGB) of an identity card, front above back: a frame, a photo box, the text lines as
 * bars and, on the back, an emblem. `owner` tints the cards and sets the bar lengths.
 */
export function demoIdCardPng(owner: string): Buffer {
  const width = 344;
  const height = 452;
  const digest = createHash('sha256').update(owner).digest();
  const tint: Rgb = [226 + (digest[0] % 20), 234 + (digest[1] % 16), 240 + (digest[2] % 12)];
  const pixels = Buffer.alloc(width * height * 3, 255);
  // Rectangles row by row (one span of the colour copied per row): a pixel at a time costs 20 ms a picture.
  const paint = (x0: number, y0: number, w: number, h: number, color: Rgb) => {
    const left = Math.max(0, x0);
    const right = Math.min(width, x0 + w);
    if (right <= left) return;
    const span = Buffer.alloc((right - left) * 3);
    for (let i = 0; i < span.length; i += 3) span.set(color, i);
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) span.copy(pixels, (y * width + left) * 3);
  };
  const disc = (cx: number, cy: number, r: number, color: Rgb) => {
    for (let dy = -r; dy <= r; dy++) {
      const half = Math.floor(Math.sqrt(r * r - dy * dy));
      paint(cx - half, cy + dy, 2 * half + 1, 1, color);
    }
  };
  const frame: Rgb = [52, 84, 128];
  const ink: Rgb = [70, 70, 70];
  for (const top of [12, 236]) {
    paint(12, top, 320, 204, frame);
    paint(15, top + 3, 314, 198, tint);
  }
  // Front: the lines of name, gender, birth, address, number, and the photo.
  for (let line = 0; line < 5; line++) paint(32, 40 + line * 30, 90 + (digest[3 + line] % 100), 10, ink);
  paint(232, 40, 80, 104, [180, 186, 194]);
  disc(272, 78, 20, [150, 156, 166]);
  paint(246, 104, 52, 40, [150, 156, 166]);
  // Back: the emblem, the issuing authority and the validity.
  disc(60, 290, 28, [200, 40, 40]);
  disc(60, 290, 18, [236, 196, 64]);
  paint(110, 280, 180, 12, ink);
  paint(32, 360, 200 + (digest[8] % 60), 10, ink);
  paint(32, 390, 160 + (digest[9] % 80), 10, ink);

  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Rgb = [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
