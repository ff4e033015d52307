import type { ErrorCode } from '@butie/contracts';

export const PROBLEMS_KEY = 'butie:problems';

/**
 * The refusals a handler can give beyond those its route's shape implies (sign-in, body, ids; see
 * problem-responses.ts). Several decorators may each add theirs; the OpenAPI document lists them all.
 */
export function ApiProblems(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value ?? target) as object;
    const existing = (Reflect.getMetadata(PROBLEMS_KEY, holder) as ErrorCode[] | undefined) ?? [];
    Reflect.defineMetadata(PROBLEMS_KEY, [...new Set([...existing, ...codes])], holder);
  };
}

export function declaredProblems(handler: object, controller: object): ErrorCode[] {
  return [
    ...((Reflect.getMetadata(PROBLEMS_KEY, handler) as ErrorCode[] | undefined) ?? []),
    ...((Reflect.getMetadata(PROBLEMS_KEY, controller) as ErrorCode[] | undefined) ?? []),
  ];
}
