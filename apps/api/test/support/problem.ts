import type { Response } from 'supertest';

const HAN = /[\u4e00-\u9fff]/;

/**
 * The shape every refusal has (application/problem+json, a stable code, the status, a Chinese
 * detail, no stack trace); returns the body for the test's own checks.
 */
export function expectProblem(response: Response, status: number, code: string): Record<string, unknown> {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as Record<string, unknown>;
  expect(body.status).toBe(status);
  expect(body.detail).toEqual(expect.stringMatching(HAN));
  expect(body).not.toHaveProperty('stack');
  expect(response.text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return body;
}

/** A problem body without what differs per request (its id and URL). */
export function problemWithoutRequest(body: Record<string, unknown>): Record<string, unknown> {
  const { requestId: _requestId, instance: _instance, ...rest } = body;
  return rest;
}
