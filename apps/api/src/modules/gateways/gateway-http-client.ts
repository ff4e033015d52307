import type { GatewayEndpoint, GatewayResilience } from '../../config/app-config.js';
import { GatewayOutage, ResilientCaller } from './resilience.js';

/** A 4xx other than 404: this system's request or credentials are wrong; not the service's outage. */
export class GatewayRefusal extends Error {}

/**
 * JSON over HTTP to one outside service with a bearer token, through a ResilientCaller. `get`
 * answers the record, or null for 404 (the service knows no such record).
 */
export class GatewayHttpClient {
  readonly caller: ResilientCaller;

  constructor(
    private readonly endpoint: GatewayEndpoint,
    resilience: GatewayResilience,
    backoffMs?: number,
  ) {
    this.caller = new ResilientCaller(resilience, backoffMs);
  }

  /**
   * The record at `path` read by `parse` inside the attempt, so that an answer breaking the contract
   * (parse gives null) is an outage like a 5xx: retried, counted, never decided on.
   */
  get<T>(path: string, parse: (body: unknown) => T | null): Promise<T | null> {
    return this.caller.call(async (signal) => {
      const response = await this.send('GET', path, undefined, signal);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        throw new GatewayOutage(`answer of GET ${path} is not JSON`);
      }
      const record = parse(body);
      if (record === null) throw new GatewayOutage(`answer of GET ${path} breaks the contract`);
      return record;
    });
  }

  async post(path: string, body: unknown): Promise<void> {
    await this.caller.call(async (signal) => {
      const response = await this.send('POST', path, body, signal);
      await response.body?.cancel();
    });
  }

  private async send(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.endpoint.url}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.endpoint.token ? { authorization: `Bearer ${this.endpoint.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new GatewayOutage(`${method} ${path} unreachable: ${(error as Error).message}`);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new GatewayOutage(`${method} ${path} answered ${response.status}`);
    }
    if (!response.ok && response.status !== 404) {
      await response.body?.cancel();
      throw new GatewayRefusal(`${method} ${path} refused: ${response.status}`);
    }
    return response;
  }
}
