/**
 * The name a file is shown and downloaded under (证明材料的文件名). It is only ever displayed and
 * put in a Content-Disposition header: storage keys are random ids, so no name reaches a path.
 */
export const FILE_NAME_MAX_CHARS = 255;

/** C0/C1 control characters and DEL; the bidirectional overrides that make `exe.pdf` read as `fdp.exe`. */
const REFUSED = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const KEEP_EXTENSION_UP_TO = 16;

export type FileNameCheck = { ok: true; name: string } | { ok: false; reason: string };

/**
 * NFC, the last path segment only (browsers send a bare name; old ones sent `C:\…\x.pdf`, a
 * hostile client `../../x`), trimmed, at most 255 characters with the extension kept. Control
 * characters are refused rather than dropped: no real file name has them, and a silent change
 * would hide what the client sent. An empty result (no name, or `..`) gets the default name.
 */
export function displayFileName(raw: string | undefined, fallback: string): FileNameCheck {
  const normalized = (raw ?? '').normalize('NFC');
  if (REFUSED.test(normalized)) return { ok: false, reason: '文件名不能含换行、制表符等控制字符或文字方向控制符，请重命名后再上传' };
  const segments = normalized.split(/[/\\]/);
  let name = segments[segments.length - 1].trim();
  if (name === '.' || name === '..' || /^\.+$/.test(name)) name = '';
  if (name === '') name = fallback;
  return { ok: true, name: truncate(name) };
}

/** At most 255 characters (code points, never half a surrogate pair), the extension kept when short. */
function truncate(name: string): string {
  const chars = [...name];
  if (chars.length <= FILE_NAME_MAX_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length > 1 && extension.length <= KEEP_EXTENSION_UP_TO) {
    const stem = [...name.slice(0, dot)];
    return stem.slice(0, FILE_NAME_MAX_CHARS - extension.length).join('').trimEnd() + extension.join('');
  }
  return chars.slice(0, FILE_NAME_MAX_CHARS).join('');
}
