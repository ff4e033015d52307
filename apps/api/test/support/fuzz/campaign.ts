import fc from 'fast-check';
import type { TestApp } from '../test-app.js';
import { Findings, inputTraits } from './findings.js';
import type { KnownPool } from './known-pool.js';
import type { Operation } from './openapi.js';
import { describeRequest, harvest, requestArbitrary, send, violations, type Exchange, type FuzzRequest } from './runner.js';
import type { Caller, RoleSessions } from './sessions.js';
import { toJson } from './values.js';

export interface FuzzOptions {
  /** The run's seed; each operation and caller gets its own, derived from it and their names. */
  seed: number;
  /**
   * Requests per operation and caller (at least four times this per operation); requests without
   * a token to an operation that needs one get a fifth.
   */
  runs: number;
  /** A refusal (4xx) that takes longer than this is a finding. */
  slowRefusalMs: number;
}

/** FNV-1a: a stable 32-bit seed per operation and caller, so that a new route changes no other's requests. */
export function seedFor(seed: number, ...names: string[]): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of names.join(' ')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash | 0;
}

/**
 * Sends generated requests to one operation as each caller and collects every wrong answer.
 * The property never fails mid-run: a whole run's findings say more than the first one, and
 * shrinking against a server whose state each request changes would not replay faithfully.
 */
export class Campaign {
  readonly findings = new Findings();

  constructor(
    private readonly t: TestApp,
    private readonly sessions: RoleSessions,
    private readonly pool: KnownPool,
    private readonly options: FuzzOptions,
  ) {}

  async fuzz(operation: Operation, callers: Caller[]): Promise<void> {
    const { options } = this;
    // An operation few roles may call still gets as many requests as four roles would send.
    const signedIn = callers.filter((caller) => caller !== 'anonymous').length;
    const runsPerRole = Math.max(options.runs, Math.ceil((options.runs * 4) / Math.max(signedIn, 1)));
    for (const caller of callers) {
      const runs = caller !== 'anonymous' ? runsPerRole : operation.secured ? Math.max(2, Math.ceil(options.runs / 5)) : runsPerRole;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, caller), async (request) => {
          await this.exchange(operation, request);
        }),
        { seed: seedFor(options.seed, operation.key, caller), numRuns: runs, endOnFailure: true },
      );
    }
  }

  /** Sends one request and judges the answer. */
  async exchange(operation: Operation, request: FuzzRequest): Promise<void> {
    let exchange: Exchange;
    try {
      exchange = await send(this.t, this.sessions, this.pool.values, operation, request);
    } catch (error) {
      const body = request.body === undefined ? '' : `, body ${toJson(request.body, this.pool.values, true).slice(0, 600)}`;
      this.findings.record(operation.key, `no answer (${(error as Error).message})`, inputTraits(request), `${operation.method} ${operation.path} as ${request.caller}${body}`);
      return;
    }
    if (exchange.status < 300) harvest(exchange.body, (kind, value) => this.pool.add(kind, value));
    for (const problem of violations(exchange, this.options.slowRefusalMs)) {
      this.findings.record(operation.key, problem, inputTraits(request), describeRequest(exchange, this.pool.values));
    }
  }
}
