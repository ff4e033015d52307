import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn<T> {
  header: string;
  width: number;
  /** A Date is written as a date cell showing the business time zone's wall clock. */
  value: (row: T) => string | Date | null;
}

export interface XlsxExport<T> {
  /** Name of the data sheet, e.g. 登录日志. */
  title: string;
  columns: XlsxColumn<T>[];
  /** The rows in batches, newest first; at most `maxRows` are written. */
  batches: AsyncIterable<T[]>;
  maxRows: number;
  /** Label and value lines of the 导出说明 sheet (filters, who, when). */
  about: [string, string][];
  timeZone: string;
}

/**
 * Writes an .xlsx file as it reads the rows (exceljs's streaming writer), so an export of tens of
 * thousands of rows holds one batch in memory. A file cut at `maxRows` says so in its last row and
 * on its 导出说明 sheet. Errors after the first byte can only abort the download: callers read the
 * first batch before calling this, so that a refusal or an outage still answers problem+json.
 */
export function streamXlsx<T>(spec: XlsxExport<T>): Readable {
  const output = new PassThrough();
  write(spec, output).catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}

async function write<T>(spec: XlsxExport<T>, output: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = '补贴通';
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column, index) => ({ key: String(index), header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };

  const wallClock = wallClockIn(spec.timeZone);
  let written = 0;
  let cut = false;
  for await (const batch of spec.batches) {
    for (const row of batch) {
      if (written === spec.maxRows) {
        cut = true;
        break;
      }
      const values = spec.columns.map((column) => column.value(row));
      const line = sheet.addRow(values.map((value) => (value instanceof Date ? wallClock(value) : value)));
      values.forEach((value, index) => {
        if (value instanceof Date) line.getCell(index + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      });
      line.commit();
      written += 1;
    }
    if (cut) break;
  }
  const cutNote = `仅导出了前 ${spec.maxRows} 条记录，符合条件的记录更多；请缩小日期范围后分批导出。`;
  if (cut) {
    const note = sheet.addRow([cutNote]);
    note.font = { bold: true, color: { argb: 'FFA8071A' } };
    note.commit();
  }
  sheet.commit();

  const about = workbook.addWorksheet('导出说明');
  about.columns = [
    { key: 'label', width: 14 },
    { key: 'value', width: 80 },
  ];
  for (const [label, value] of [...spec.about, ['记录数', cut ? `${written}（已截断）` : String(written)], ...(cut ? [['说明', cutNote]] : [])]) {
    about.addRow([label, value]).commit();
  }
  about.commit();
  await workbook.commit();
}

/**
 * Excel dates have no zone: a cell shows the UTC fields of the Date it was given. So the instant
 * is moved to the Date whose UTC fields are the wall clock of the business zone.
 */
export function wallClockIn(timeZone: string): (date: Date) => Date {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (date) => {
    const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, Number(p.value)])) as Record<string, number>;
    return new Date(Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second));
  };
}

/** `登录日志-20250310-0830.xlsx` as an RFC 6266 header (ASCII fallback plus the UTF-8 name). */
export function attachmentHeader(baseName: string, asciiName: string, at: Date, timeZone: string): string {
  const stamp = wallClockIn(timeZone)(at).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `attachment; filename="${asciiName}-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${baseName}-${stamp}.xlsx`)}`;
}
