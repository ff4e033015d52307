import { useMutation } from '@tanstack/react-query';
import type { Problem } from '@butie/contracts';
import { ApiError, refreshSession } from '../../../lib/api-client';
import { sessionStore } from '../../../lib/session';

export type LogKind = 'login-events' | 'operation-logs';

/**
 * Downloads a log as .xlsx with the list's filters. A file, not JSON, so it is fetched here rather
 * than through `api()`, with the same token (renewed first when it is about to expire) and the
 * same problem+json refusals.
 */
async function downloadLogExport(kind: LogKind, filter: Record<string, string | undefined>): Promise<void> {
  const session = sessionStore.get();
  if (session && session.accessExpiresAt - Date.now() < 15_000) await refreshSession();
  const url = new URL(`/api/v1/audit/${kind}/export`, window.location.origin);
  for (const [key, value] of Object.entries(filter)) if (value) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${sessionStore.get()?.accessToken ?? ''}` } });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError(response.status, problem.code ?? 'INTERNAL', problem.detail ?? `导出失败（${response.status}），请稍后重试`, problem.errors ?? [], problem);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? `${kind}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The UTF-8 name of an RFC 6266 header (`filename*=UTF-8''…`), else the plain one. */
function fileNameOf(disposition: string | null): string | null {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}

export function useLogExport(kind: LogKind) {
  return useMutation({ mutationFn: (filter: Record<string, string | undefined>) => downloadLogExport(kind, filter) });
}
