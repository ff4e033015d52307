import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { HttpSmsGateway, type HttpSmsSettings } from './http-sms.gateway.js';
import { SmsSendError, type SmsMessage } from './sms-gateway.js';

interface Received {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const logger = pino({ level: 'silent' });
const message: SmsMessage = { phone: '13800000001', template: 'LOGIN_CODE', values: { code: '123456', minutes: '5' } };

// A real local SMS provider: each test says how it answers the n-th request.
let server: Server;
let url: string;
let received: Received[];
let answer: (attempt: number, res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body });
      answer(received.length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  answer = (_attempt, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
});

function gateway(overrides: Partial<HttpSmsSettings> = {}): HttpSmsGateway {
  return new HttpSmsGateway({ url, token: 'provider-token', timeoutMs: 1000, retries: 2, ...overrides }, logger);
}

async function sendError(send: Promise<unknown>): Promise<unknown> {
  try {
    await send;
  } catch (error) {
    return error;
  }
  throw new Error('the send succeeded');
}

describe('HttpSmsGateway', () => {
  it('POSTs the message as JSON with the bearer token', async () => {
    await gateway().send(message);
    expect(received).toHaveLength(1);
    expect(received[0].method).toBe('POST');
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(received[0].headers.authorization).toBe('Bearer provider-token');
    expect(JSON.parse(received[0].body)).toEqual(message);
  });

  it('sends no authorization header when no token is configured', async () => {
    await gateway({ token: null }).send(message);
    expect(received[0].headers).not.toHaveProperty('authorization');
  });

  it('retries a 5xx answer and succeeds when the provider recovers', async () => {
    answer = (attempt, res) => res.writeHead(attempt < 3 ? 503 : 200).end();
    await gateway({ retries: 2 }).send(message);
    expect(received).toHaveLength(3);
    // Every retry carries the same message.
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
  });

  it('gives up with SmsSendError after 1 + retries 5xx answers', async () => {
    answer = (_attempt, res) => res.writeHead(500).end();
    const error = await sendError(gateway({ retries: 1 }).send(message));
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).toContain('500');
    expect(received).toHaveLength(2);
  });

  it('does not retry a 4xx refusal and throws SmsSendError', async () => {
    answer = (_attempt, res) => res.writeHead(400).end('{"error":"bad phone"}');
    const error = await sendError(gateway({ retries: 2 }).send(message));
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).toContain('400');
    expect(received).toHaveLength(1);
  });

  it('retries a provider that does not answer within the timeout, then throws SmsSendError', async () => {
    // The provider holds every request open; the gateway must abort each attempt itself.
    answer = () => {};
    const started = Date.now();
    const error = await sendError(gateway({ timeoutMs: 150, retries: 1 }).send(message));
    expect(error).toBeInstanceOf(SmsSendError);
    expect(received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 150);
  });

  it('stops calling the provider after 5 failed sends in a row (circuit open)', async () => {
    answer = (_attempt, res) => res.writeHead(503).end();
    const sms = gateway({ retries: 0 });
    for (let i = 0; i < 5; i++) await expect(sms.send(message)).rejects.toBeInstanceOf(SmsSendError);
    expect(received).toHaveLength(5);
    await expect(sms.send(message)).rejects.toBeInstanceOf(SmsSendError);
    expect(received).toHaveLength(5);
  });
});
