/**
 * A Content-Disposition header (RFC 6266) for a UTF-8 file name: `filename*` in the RFC 8187 (ex
 * 5987) encoding for every current browser, and an ASCII `filename` fallback for old clients, with
 * quotes, backslashes and everything outside printable ASCII replaced.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/** attr-char of RFC 8187: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else is percent-encoded UTF-8. */
export function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
