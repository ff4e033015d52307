import type { ErrorCode } from '@butie/contracts';

/** What a stable code means over HTTP: its status and the English title of its problem type. */
export interface ErrorInfo {
  status: number;
  title: string;
}

const REGISTRY = new Map<ErrorCode, ErrorInfo>();

/**
 * A module's own error table (code → status → title; the Chinese detail is written where the
 * refusal is raised, since it names the rule and the data). Each module declares the codes it
 * owns once, in its `<module>.errors.ts`; the codes themselves are listed in `@butie/contracts`
 * beside the module's other shared types, so that the SPA can branch on them. A code declared by
 * two modules is a programming error caught at start-up.
 */
export function defineErrors<C extends ErrorCode>(table: Record<C, ErrorInfo>): Record<C, ErrorInfo> {
  for (const [code, info] of Object.entries(table) as [C, ErrorInfo][]) {
    if (REGISTRY.has(code)) throw new Error(`error code ${code} is declared twice`);
    REGISTRY.set(code, info);
  }
  return table;
}

/** The status and title of a code; a code no module declared is our fault (500). */
export function errorInfo(code: ErrorCode): ErrorInfo {
  return REGISTRY.get(code) ?? { status: 500, title: `Undeclared error ${code}` };
}

/** Every declared code (for the OpenAPI document and the test that every code has an owner). */
export function declaredErrorCodes(): ErrorCode[] {
  return [...REGISTRY.keys()];
}
