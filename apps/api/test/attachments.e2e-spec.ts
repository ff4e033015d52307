import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  creditCodeCheckChar,
  residentIdCheckChar,
  type AttachmentDownloadLink,
  type AttachmentList,
  type AttachmentView,
  type CreatePersonRegistrationRequest,
  type SessionTokens,
  type UnitRegistrationView,
} from '@butie/contracts';
import type { Response, Test } from 'supertest';
import { expectProblem, problemWithoutRequest } from './support/problem.js';
import { givePhoneCode } from './support/registration-code.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UPLOAD = '/api/v1/attachments';
const PASSWORD = 'Graduate@2026';
/** Small limits, so that "too large" and "over the quota" need only kilobytes. */
const MAX_FILE_BYTES = 64 * 1024;
const QUOTA_FILES = 6;
const QUOTA_BYTES = 256 * 1024;
const LIMITS = { ATTACHMENT_MAX_BYTES: String(MAX_FILE_BYTES), ATTACHMENT_QUOTA_FILES: String(QUOTA_FILES), ATTACHMENT_QUOTA_BYTES: String(QUOTA_BYTES) };
const RUN = `${process.pid % 10000}${randomInt(100, 999)}`;
type Headers = { Authorization: string };

// ——— file contents, judged by their bytes ———

function pdf(size = 3000): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const filler = Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20);
  randomBytes(Math.min(64, filler.length)).copy(filler);
  return Buffer.concat([head, filler, tail]).subarray(0, Math.max(size, head.length + tail.length));
}
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
function jpeg(size = 2000): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([head, randomBytes(size - head.length - 2), Buffer.from([0xff, 0xd9])]);
}
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56), randomBytes(4000)]);
const WINDOWS_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), randomBytes(2000)]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), randomBytes(1000)]);
const TEXT = Buffer.from('这不是 PDF，只是一个改了扩展名的文本文件。\n'.repeat(50));
const HTML = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// ——— multipart bodies written by hand, so that every byte is the test's choice ———

interface Part {
  name: string;
  /** Written as `filename="…"` as browsers do (raw UTF-8). */
  filename?: string;
  /** The whole Content-Disposition value instead, for names a browser would encode otherwise. */
  disposition?: string;
  contentType?: string;
  data: Buffer | string;
}

function multipart(parts: Part[], boundary = `----butie${randomBytes(8).toString('hex')}`): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.disposition ?? `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const header = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(header, 'utf8'), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const filePart = (data: Buffer, filename = 'material.pdf', contentType = 'application/pdf'): Part => ({ name: 'file', filename, contentType, data });
const kindPart = (kind = 'ID_CARD'): Part => ({ name: 'kind', data: kind });

/** A GET whose body is collected as bytes, whatever its type. */
function binary(request: Test): Test {
  return request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/** Which storage a suite runs against, and how the test looks into it. */
interface StorageUnderTest {
  env: Record<string, string>;
  /** The keys of the stored objects. */
  objects(): Promise<string[]>;
  /** Files of uploads in progress (the spool folder): must be empty between requests. */
  spool(): Promise<string[]>;
  /** Removes one object behind the app's back. */
  remove(key: string): Promise<void>;
  /** Takes the store away; resolves to a function that brings it back. */
  outage: () => Promise<() => Promise<void>>;
  close(): Promise<void>;
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
}

async function localStorage(): Promise<StorageUnderTest> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'butie-attachments-'));
  const dir = path.join(root, 'store');
  return {
    env: { ATTACHMENT_STORAGE: 'local', ATTACHMENT_DIR: dir },
    objects: async () => (await filesUnder(dir)).filter((file) => !file.includes(`${path.sep}.incoming${path.sep}`)).map((file) => path.basename(file)),
    spool: async () => filesUnder(path.join(dir, '.incoming')),
    remove: async (key) => rm(path.join(dir, key.slice(0, 2), key), { force: true }),
    // A plain file where the folder should be: every write and read fails as on a broken disk.
    outage: async () => {
      await rename(dir, `${dir}.away`);
      await writeFile(dir, 'not a folder');
      return async () => {
        await rm(dir);
        await rename(`${dir}.away`, dir);
      };
    },
    close: async () => rm(root, { recursive: true, force: true }),
  };
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

/** A real S3 protocol server (s3rver) on a free port, its data in a temporary folder. */
async function s3Storage(): Promise<StorageUnderTest> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'butie-s3-'));
  const bucket = `butie-test-${RUN}`;
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;
  const start = (onPort: number) => new S3rver({ address: '127.0.0.1', port: onPort, silent: true, directory: path.join(root, 's3'), configureBuckets: [{ name: bucket }] });
  let server = start(0);
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const spoolDir = path.join(root, 'spool');
  return {
    env: {
      ATTACHMENT_STORAGE: 's3',
      ATTACHMENT_DIR: spoolDir,
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    objects: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
      return (listed.Contents ?? []).map((object) => object.Key!);
    },
    spool: async () => filesUnder(spoolDir),
    remove: async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    outage: async () => {
      await server.close();
      return async () => {
        server = start(port);
        await server.run();
      };
    },
    close: async () => {
      client.destroy();
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

let serial = 0;

describe.each([
  ['local disk', localStorage],
  ['S3 (s3rver)', s3Storage],
] as const)('proof materials (证明材料) on %s', (_driver, makeStorage) => {
  let t: TestApp;
  let storage: StorageUnderTest;
  let unitA: { id: string; headers: Headers };
  let unitB: { id: string; headers: Headers };

  /** An approved unit in 东城区 with its own UNIT account. */
  async function approvedUnit(): Promise<{ id: string; headers: Headers }> {
    serial++;
    const [county] = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE code = 'dongcheng'`);
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let code = '91530102';
    while (code.length < 17) code += chars[randomInt(chars.length)];
    const username = `au${RUN}_${serial}`;
    const phone = `176${RUN.slice(0, 3).padStart(3, '0')}${String(serial).padStart(5, '0')}`;
    const response = await t.http().post('/api/v1/units/registrations').send({
      unit: { name: `材料测试${RUN}单位${serial}`, creditCode: code + creditCodeCheckChar(code)!, countyId: county.id, address: '云州市东城区测试路 1 号', contactPerson: '周明', contactPhone: '0871-65123456' },
      account: { username, password: PASSWORD, phone, phoneCode: await givePhoneCode(t, phone) },
    });
    expect(response.status).toBe(201);
    const id = (response.body as UnitRegistrationView).id;
    expect((await t.http().post(`/api/v1/units/registrations/${id}/approve`).set(await t.bearer('dongcheng_hrss'))).status).toBe(200);
    return { id, headers: { Authorization: `Bearer ${(await t.login(username, PASSWORD)).accessToken}` } };
  }

  interface Applicant {
    id: string;
    headers: Headers;
    request: CreatePersonRegistrationRequest;
  }

  /** A graduate who has just registered under `unitId` (DRAFT: a pending account). */
  async function applicant(unitId = unitA.id): Promise<Applicant> {
    serial++;
    const n = serial;
    const idBody = `53010219980520${String(n % 1000).padStart(3, '0')}`;
    const phone = `158${RUN.slice(0, 3).padStart(3, '0')}${String(n).padStart(5, '0')}`;
    const request: CreatePersonRegistrationRequest = {
      account: { username: `ap${RUN}_${n}`, password: PASSWORD, fullName: `毕业生${n}`, phone, phoneCode: await givePhoneCode(t, phone) },
      basic: {
        idType: 'RESIDENT_ID',
        idNumber: idBody + residentIdCheckChar(idBody)!,
        birthDate: '1998-05-20',
        gender: Number(idBody[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
        school: '云州大学',
        major: '软件工程',
        education: 'BACHELOR',
        degree: 'BACHELOR',
        ethnicity: '汉族',
        selfEmployed: false,
        unitId,
      },
      agreedToNotice: true,
    };
    const response = await t.http().post('/api/v1/persons/registrations').send(request);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    const tokens = response.body as SessionTokens;
    return { id: tokens.user.id, headers: { Authorization: `Bearer ${tokens.accessToken}` }, request };
  }

  const submit = async (who: Applicant) => expect((await t.http().post('/api/v1/persons/registrations/mine/submit').set(who.headers)).status).toBe(200);

  const send = (headers: Headers | Record<string, never>, form: { body: Buffer; contentType: string }) =>
    t.http().post(UPLOAD).set(headers).set('content-type', form.contentType).send(form.body);

  async function uploaded(who: Applicant, data = pdf(), filename = '学位证书.pdf', kind = 'DEGREE_CERTIFICATE', contentType = 'application/pdf'): Promise<AttachmentView> {
    const response = await send(who.headers, multipart([kindPart(kind), filePart(data, filename, contentType)]));
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    return response.body as AttachmentView;
  }

  async function storageKeyOf(id: string): Promise<string> {
    const [row] = await t.db.query<{ storage_key: string }[]>(`SELECT storage_key FROM attachments WHERE id = $1`, [id]);
    return row.storage_key;
  }

  /** What a refused request must leave as it was: rows, stored objects, spool files, and the operation log. */
  async function snapshot(): Promise<{ rows: number; objects: string[]; spool: string[]; operations: number }> {
    const [{ n, operations }] = await t.db.query<{ n: number; operations: number }[]>(
      `SELECT (SELECT count(*)::int FROM attachments) AS n, (SELECT count(*)::int FROM operation_logs) AS operations`,
    );
    return { rows: n, objects: (await storage.objects()).sort(), spool: await storage.spool(), operations };
  }

  /** Waits for uploads cut off mid-stream to be cleaned up (their spool file removed). */
  async function settled(): Promise<void> {
    const deadline = Date.now() + 5000;
    while ((await storage.spool()).length > 0) {
      if (Date.now() > deadline) throw new Error(`spool not emptied: ${JSON.stringify(await storage.spool())}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** A refused request: the problem, no new row, no new object, no spool left, and the process still answers. */
  async function refused(call: () => PromiseLike<Response>, status: number, code: string): Promise<Record<string, unknown>> {
    const before = await snapshot();
    const problem = expectProblem(await call(), status, code);
    await settled();
    expect(await snapshot()).toEqual({ ...before, spool: [] });
    expect((await t.http().get('/api/health')).status).toBe(200);
    return problem;
  }

  const fieldsOf = (problem: Record<string, unknown>) => ((problem.errors ?? []) as { field: string }[]).map((error) => error.field);
  const content = (id: string, headers: Headers | Record<string, never>, query = '') => binary(t.http().get(`${UPLOAD}/${id}/content${query}`).set(headers));

  beforeAll(async () => {
    storage = await makeStorage();
    t = await startTestApp({ ...storage.env, ...LIMITS });
    unitA = await approvedUnit();
    unitB = await approvedUnit();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await storage?.close();
  });

  describe('upload', () => {
    it.each([
      ['a PDF', pdf(), 'application/pdf'],
      ['a JPEG', jpeg(), 'image/jpeg'],
      ['a PNG', PNG_1PX, 'image/png'],
    ] as const)('takes %s from a pending applicant, stores its SHA-256 and the type judged by content', async (_name, data, mediaType) => {
      const owner = await applicant();
      const before = await snapshot();
      // The declared type and the name say nothing: the bytes decide.
      const response = await send(owner.headers, multipart([kindPart('ID_CARD'), filePart(data, '身份证.bin', 'application/octet-stream')]));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        kind: 'ID_CARD',
        kindLabel: '身份证复印件正反面',
        fileName: '身份证.bin',
        mediaType,
        sizeBytes: data.length,
        sha256: sha256(data),
        uploadedAt: expect.any(String),
      });
      const [row] = await t.db.query<Record<string, unknown>[]>(
        `SELECT owner_id, media_type, size_bytes::int AS size, sha256, storage_key FROM attachments WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toMatchObject({ owner_id: owner.id, media_type: mediaType, size: data.length, sha256: sha256(data) });
      expect(row.storage_key).toMatch(/^[0-9a-f-]{36}$/);
      expect(await snapshot()).toEqual({ rows: before.rows + 1, objects: [...before.objects, row.storage_key].sort(), spool: [], operations: before.operations + 1 });

      const read = await content(response.body.id as string, owner.headers);
      expect(read.status).toBe(200);
      expect(sha256(read.body as Buffer)).toBe(sha256(data));
      expect(read.headers['content-type']).toBe(mediaType);
      expect(read.headers['content-length']).toBe(String(data.length));
    });

    it('takes a file of exactly the limit, and the kind after the file', async () => {
      const owner = await applicant();
      const exact = pdf(MAX_FILE_BYTES);
      expect((await uploaded(owner, exact)).sizeBytes).toBe(MAX_FILE_BYTES);
      const late = await send(owner.headers, multipart([filePart(pdf()), kindPart('OTHER')]));
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ kind: 'OTHER' });
    });

    it.each([
      ['an ELF executable renamed .pdf', ELF],
      ['a Windows executable renamed .pdf', WINDOWS_EXE],
      ['a text file renamed .pdf', TEXT],
      ['an HTML page renamed .pdf', HTML],
      ['a ZIP (a Word document) renamed .pdf', ZIP],
    ])('refuses %s (415), storing nothing', async (_name, data) => {
      const owner = await applicant();
      const problem = await refused(() => send(owner.headers, multipart([kindPart(), filePart(data, '毕业证书.pdf', 'application/pdf')])), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(problem.detail).toContain('PDF');
    });

    it('refuses an empty file (400 FILE_EMPTY), storing nothing', async () => {
      const owner = await applicant();
      await refused(() => send(owner.headers, multipart([kindPart(), filePart(Buffer.alloc(0))])), 400, 'FILE_EMPTY');
    });

    it('refuses one byte over the limit (413)', async () => {
      const owner = await applicant();
      await refused(() => send(owner.headers, multipart([kindPart(), filePart(pdf(MAX_FILE_BYTES + 1))])), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('stops a large upload mid-stream: 413, and the connection is closed instead of the rest being read', async () => {
      const owner = await applicant();
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      // The client goes on sending after the answer: a server that read the rest to the end would
      // take all of it; one that stopped hangs up, and the writes fail long before the end.
      const total = 256 * 1024 * 1024;
      const boundary = `----butie${randomBytes(8).toString('hex')}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nID_CARD\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const before = await snapshot();
      const chunk = pdf(64 * 1024);
      const result = await new Promise<{ status: number | null; body: string; sent: number; hungUp: boolean }>((resolve) => {
        let sent = 0;
        let hungUp = false;
        let status: number | null = null;
        const body: Buffer[] = [];
        const request = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: UPLOAD,
          headers: { ...owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + total) },
        });
        request.on('response', (response) => {
          status = response.statusCode ?? null;
          response.on('data', (data: Buffer) => body.push(data));
        });
        // EPIPE or ECONNRESET on a write: the server closed the connection.
        request.on('error', () => (hungUp = true));
        // A server that neither reads on nor hangs up leaves the upload hanging: give up after a while.
        const stalled = setTimeout(() => request.destroy(), 10_000);
        request.on('close', () => {
          clearTimeout(stalled);
          resolve({ status, body: Buffer.concat(body).toString(), sent, hungUp });
        });
        request.write(head);
        const pump = () => {
          while (!hungUp && !request.destroyed && sent < total) {
            sent += chunk.length;
            if (!request.write(chunk)) return void request.once('drain', pump);
          }
          if (sent >= total) request.end();
        };
        pump();
      });
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
      expect(result.hungUp).toBe(true);
      expect(result.sent).toBeLessThan(total / 2);
      await settled();
      expect(await snapshot()).toEqual({ ...before, spool: [] });
      expect((await t.http().get('/api/health')).status).toBe(200);
      expect((await uploaded(owner)).sizeBytes).toBeGreaterThan(0);
    });

    it('an upload the client abandons halfway leaves no row, object or spool file', async () => {
      const owner = await applicant();
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const form = multipart([kindPart(), filePart(pdf(MAX_FILE_BYTES - 100))]);
      const before = await snapshot();
      await new Promise<void>((resolve) => {
        const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: UPLOAD, headers: { ...owner.headers, 'content-type': form.contentType, 'content-length': String(form.body.length) } });
        request.on('error', () => resolve());
        request.write(form.body.subarray(0, form.body.length / 2), () => setTimeout(() => {
          request.destroy();
          resolve();
        }, 100));
      });
      await settled();
      expect(await snapshot()).toEqual({ ...before, spool: [] });
      expect((await t.http().get('/api/health')).status).toBe(200);
    });

    it.each([
      ['no boundary', () => ({ body: multipart([kindPart(), filePart(pdf())]).body, contentType: 'multipart/form-data' }), 'MALFORMED_REQUEST'],
      ['a body cut off inside the file', () => {
        const form = multipart([kindPart(), filePart(pdf(20_000))]);
        return { ...form, body: form.body.subarray(0, 12_000) };
      }, 'MALFORMED_REQUEST'],
      ['a boundary that is not the one in the header', () => ({ ...multipart([kindPart(), filePart(pdf())]), contentType: 'multipart/form-data; boundary=somethingelse' }), 'MALFORMED_REQUEST'],
      ['two files', () => multipart([kindPart(), filePart(pdf()), filePart(pdf(), 'second.pdf')]), 'MALFORMED_REQUEST'],
      ['no kind', () => multipart([filePart(pdf())]), 'VALIDATION_FAILED'],
      ['an unknown kind', () => multipart([kindPart('PASSPORT_PHOTO'), filePart(pdf())]), 'VALIDATION_FAILED'],
      ['two kinds', () => multipart([kindPart(), kindPart('OTHER'), filePart(pdf())]), 'VALIDATION_FAILED'],
      ['no file', () => multipart([kindPart()]), 'VALIDATION_FAILED'],
      ['the file in another field', () => multipart([kindPart(), { ...filePart(pdf()), name: 'upload' }]), 'VALIDATION_FAILED'],
      ['an extra field', () => multipart([kindPart(), { name: 'ownerId', data: randomUUID() }, filePart(pdf())]), 'VALIDATION_FAILED'],
      ['a field named __proto__', () => multipart([{ name: '__proto__', data: 'x' }, kindPart(), filePart(pdf())]), 'MALFORMED_REQUEST'],
      ['an empty body', () => ({ body: Buffer.alloc(0), contentType: `multipart/form-data; boundary=xyz` }), 'VALIDATION_FAILED'],
      ['garbage', () => ({ body: randomBytes(3000), contentType: 'multipart/form-data; boundary=xyz' }), 'MALFORMED_REQUEST'],
      ['an empty boundary', () => ({ ...multipart([kindPart(), filePart(pdf())]), contentType: 'multipart/form-data; boundary=' }), 'MALFORMED_REQUEST'],
      ['a part without a name', () => multipart([kindPart(), { name: '', disposition: 'form-data; filename="x.pdf"', contentType: 'application/pdf', data: pdf() }]), 'VALIDATION_FAILED'],
      ['a boundary over 70 characters', () => multipart([kindPart(), filePart(pdf())], 'b'.repeat(71)), 'MALFORMED_REQUEST'],
      ['too many fields', () => multipart([kindPart(), ...Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, data: 'x' })), filePart(pdf())]), 'VALIDATION_FAILED'],
    ] as [string, () => { body: Buffer; contentType: string }, string][])('refuses a multipart body with %s (400), storing nothing', async (_name, form, code) => {
      const owner = await applicant();
      const problem = await refused(() => send(owner.headers, form()), 400, code);
      expect(problem.detail).toEqual(expect.any(String));
    });

    it('refuses a JSON or form body on the upload route as the wrong media type (415)', async () => {
      const owner = await applicant();
      await refused(() => t.http().post(UPLOAD).set(owner.headers).send({ kind: 'ID_CARD', file: Buffer.from(pdf()).toString('base64') }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      await refused(() => t.http().post(UPLOAD).set(owner.headers).type('form').send('kind=ID_CARD'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      await refused(() => t.http().post(UPLOAD).set(owner.headers), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const mixed = multipart([kindPart(), filePart(pdf())], 'mixedBoundary');
      await refused(() => send(owner.headers, { ...mixed, contentType: 'multipart/mixed; boundary=mixedBoundary' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses multipart on every other route (415)', async () => {
      const form = multipart([kindPart(), filePart(pdf())]);
      const response = await t.http().post('/api/v1/units/registrations').set('content-type', form.contentType).send(form.body);
      expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('keeps a file name for display only: ../ and Windows paths are cut to the last segment, 300 characters to 255', async () => {
      const owner = await applicant();
      const traversal = await uploaded(owner, pdf(), '../../../../tmp/passwd.pdf');
      expect(traversal.fileName).toBe('passwd.pdf');
      expect(await storageKeyOf(traversal.id)).toMatch(/^[0-9a-f-]{36}$/);
      expect((await uploaded(owner, pdf(), 'C:\\Users\\lin\\学位证.pdf')).fileName).toBe('学位证.pdf');
      expect((await uploaded(owner, pdf(), '..')).fileName).toBe('学位证书');
      const long = await uploaded(owner, pdf(), `${'学'.repeat(296)}.pdf`);
      expect([...long.fileName]).toHaveLength(255);
      expect(long.fileName.endsWith('学.pdf')).toBe(true);
      // Nothing was written anywhere but under random keys.
      expect((await storage.objects()).every((key) => /^[0-9a-f-]{36}$/.test(key))).toBe(true);
    });

    it.each([
      ['CR/LF (RFC 5987 encoded)', `form-data; name="file"; filename*=UTF-8''evil%0D%0AX-Injected%3A%201.pdf`],
      ['a tab', `form-data; name="file"; filename*=UTF-8''a%09b.pdf`],
      ['a NUL', `form-data; name="file"; filename*=UTF-8''a%00.pdf`],
      ['a right-to-left override', `form-data; name="file"; filename*=UTF-8''invoice%E2%80%AEfdp.exe`],
    ])('refuses a file name with %s (400 naming file)', async (_name, disposition) => {
      const owner = await applicant();
      const problem = await refused(() => send(owner.headers, multipart([kindPart(), { name: 'file', disposition, contentType: 'application/pdf', data: pdf() }])), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toEqual(['file']);
    });

    it('is for applicants only: units and staff 403, signed out 401', async () => {
      const form = multipart([kindPart(), filePart(pdf())]);
      await refused(() => send({}, form), 401, 'AUTH_REQUIRED');
      await refused(() => send(unitA.headers, form), 403, 'FORBIDDEN');
      await refused(async () => send(await t.bearer('dongcheng_hrss'), form), 403, 'FORBIDDEN');
    });
  });

  describe('the quota per account', () => {
    it(`holds at most ${QUOTA_FILES} files (409 ATTACHMENT_QUOTA_EXCEEDED), and a deleted file frees its place`, async () => {
      const owner = await applicant();
      const ids: string[] = [];
      for (let i = 0; i < QUOTA_FILES; i++) ids.push((await uploaded(owner, pdf(1000))).id);
      const problem = await refused(() => send(owner.headers, multipart([kindPart(), filePart(pdf(1000))])), 409, 'ATTACHMENT_QUOTA_EXCEEDED');
      expect(problem).toMatchObject({ maxFiles: QUOTA_FILES, maxBytes: QUOTA_BYTES, files: QUOTA_FILES, bytes: QUOTA_FILES * 1000 });
      const list = (await t.http().get(UPLOAD).set(owner.headers)).body as AttachmentList;
      expect(list.usage).toEqual({ files: QUOTA_FILES, bytes: QUOTA_FILES * 1000, maxFiles: QUOTA_FILES, maxBytes: QUOTA_BYTES, maxFileBytes: MAX_FILE_BYTES });
      expect(list.items.map((item) => item.id)).toEqual([...ids].reverse());
      // Another account is not affected.
      await uploaded(await applicant());
      expect((await t.http().delete(`${UPLOAD}/${ids[0]}`).set(owner.headers)).status).toBe(204);
      await uploaded(owner, pdf(1000));
    });

    it(`holds at most ${QUOTA_BYTES / 1024} KB: the upload that would pass it is stopped, a smaller one still fits`, async () => {
      const owner = await applicant();
      for (let i = 0; i < 4; i++) await uploaded(owner, pdf(60 * 1024));
      const problem = await refused(() => send(owner.headers, multipart([kindPart(), filePart(pdf(60 * 1024))])), 409, 'ATTACHMENT_QUOTA_EXCEEDED');
      expect(problem).toMatchObject({ files: 4, bytes: 4 * 60 * 1024, maxBytes: QUOTA_BYTES });
      expect(problem.detail).toContain('MB');
      await uploaded(owner, pdf(10 * 1024));
    });

    it('two uploads at once for the last place: one is stored, the other refused', async () => {
      const owner = await applicant();
      for (let i = 0; i < QUOTA_FILES - 1; i++) await uploaded(owner, pdf(1000));
      const before = await snapshot();
      const responses = await Promise.all([0, 1].map(() => send(owner.headers, multipart([kindPart(), filePart(pdf(1000))]))));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(responses.find((r) => r.status === 409)!, 409, 'ATTACHMENT_QUOTA_EXCEEDED');
      await settled();
      const after = await snapshot();
      expect({ rows: after.rows, objects: after.objects.length }).toEqual({ rows: before.rows + 1, objects: before.objects.length + 1 });
    });
  });

  describe('reading', () => {
    let owner: Applicant;
    let material: AttachmentView;
    const NAME = '学位证书 (1)；"终版".pdf';
    const bytes = pdf(5000);

    beforeAll(async () => {
      owner = await applicant();
      // A name with quotes comes as RFC 5987 filename* (a browser would write %22 in filename="…").
      const disposition = `form-data; name="file"; filename*=UTF-8''${encodeURIComponent(NAME)}`;
      const response = await send(owner.headers, multipart([kindPart('DEGREE_CERTIFICATE'), { name: 'file', disposition, contentType: 'application/pdf', data: bytes }]));
      expect(response.status).toBe(201);
      material = response.body as AttachmentView;
      expect(material.fileName).toBe(NAME);
    });

    it('shows it inline, or as a download with ?download=1, with a UTF-8 file name (RFC 5987/8187) and nosniff', async () => {
      for (const [query, type] of [['', 'inline'], ['?download=1', 'attachment'], ['?download=0', 'inline']] as const) {
        const response = await content(material.id, owner.headers, query);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['cache-control']).toMatch(/no-store/);
        const disposition = response.headers['content-disposition'];
        expect(disposition.split(';')[0]).toBe(type);
        const extended = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1];
        expect(extended).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
        expect(decodeURIComponent(extended!)).toBe(NAME);
        // The plain fallback is ASCII, quoted, with nothing that could end the quotes.
        expect(/filename="([\x20-\x7e]*)"/.exec(disposition)?.[1]).not.toMatch(/["\\]/);
        expect(sha256(response.body as Buffer)).toBe(material.sha256);
      }
      expectProblem(await t.http().get(`${UPLOAD}/${material.id}/content`).query({ download: 'yes' }).set(owner.headers), 400, 'VALIDATION_FAILED');
    });

    it('a download link opens the file for a minute without a header, named by Content-Disposition; for that file and session only', async () => {
      const linked = await t.http().post(`${UPLOAD}/${material.id}/download-link`).set(owner.headers);
      expect(linked.status).toBe(201);
      const { url, expiresAt } = linked.body as AttachmentDownloadLink;
      expect(url).toMatch(new RegExp(`^${UPLOAD}/${material.id}/download\\?token=[\\w.%-]+$`));
      const ttl = Date.parse(expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);

      const response = await binary(t.http().get(url));
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition'].split(';')[0]).toBe('attachment');
      expect(decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(response.headers['content-disposition'])![1])).toBe(NAME);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(sha256(response.body as Buffer)).toBe(material.sha256);

      const token = new URL(url, 'http://x').searchParams.get('token')!;
      const other = await uploaded(owner, pdf(1200), '其他.pdf');
      // Another file's id with this token, a tampered token, none at all, a token of another kind (the access token).
      for (const [what, address] of [
        ['another file', `${UPLOAD}/${other.id}/download?token=${token}`],
        ['tampered', `${UPLOAD}/${material.id}/download?token=${token.slice(0, -3)}AAA`],
        ['none', `${UPLOAD}/${material.id}/download`],
        ['an access token', `${UPLOAD}/${material.id}/download?token=${owner.headers.Authorization.slice('Bearer '.length)}`],
      ] as const) {
        const refused = await t.http().get(address);
        expect({ what, status: refused.status, code: refused.body.code as unknown }).toEqual({ what, status: 401, code: 'LINK_INVALID' });
        expect(refused.body.detail).toContain('重新点击下载');
      }
    });

    it('a link ends with its session, and is given only to who may read the file (404 otherwise)', async () => {
      // A second session of the owner's, ended below while the first goes on.
      const reader = { Authorization: `Bearer ${(await t.login(owner.request.account.username, PASSWORD)).accessToken}` };
      const { url } = (await t.http().post(`${UPLOAD}/${material.id}/download-link`).set(reader)).body as AttachmentDownloadLink;
      expect((await binary(t.http().get(url))).status).toBe(200);
      expect((await t.http().post('/api/v1/auth/logout').set(reader)).status).toBe(204);
      expectProblem(await t.http().get(url), 401, 'SESSION_ENDED');

      const stranger = await applicant();
      expectProblem(await t.http().post(`${UPLOAD}/${material.id}/download-link`).set(stranger.headers), 404, 'NOT_FOUND');
      expectProblem(await t.http().post(`${UPLOAD}/${randomUUID()}/download-link`).set(owner.headers), 404, 'NOT_FOUND');
      expectProblem(await t.http().post(`${UPLOAD}/${material.id}/download-link`), 401, 'AUTH_REQUIRED');
    });

    it('an image is served with its own type and a sandboxing policy', async () => {
      const image = await uploaded(owner, PNG_1PX, '照片.png', 'ID_CARD', 'image/png');
      const response = await content(image.id, owner.headers);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-security-policy']).toContain('sandbox');
      expect(Buffer.compare(response.body as Buffer, PNG_1PX)).toBe(0);
    });

    it('the stored SHA-256 is that of the stored content', async () => {
      const [row] = await t.db.query<{ sha256: string }[]>(`SELECT sha256 FROM attachments WHERE id = $1`, [material.id]);
      expect(row.sha256).toBe(sha256(bytes));
      expect(sha256((await content(material.id, owner.headers)).body as Buffer)).toBe(row.sha256);
    });

    it("while a draft: only the owner; once reported: the owner's unit and its county's staff; everyone else 404", async () => {
      const missing = problemWithoutRequest(expectProblem(await t.http().get(`${UPLOAD}/${randomUUID()}/content`).set(owner.headers), 404, 'NOT_FOUND'));
      const notFor = async (headers: Headers, who: string) => {
        const response = await t.http().get(`${UPLOAD}/${material.id}/content`).set(headers);
        expect({ who, status: response.status }).toEqual({ who, status: 404 });
        expect(problemWithoutRequest(expectProblem(response, 404, 'NOT_FOUND'))).toEqual(missing);
      };
      const staff = async (username: string) => t.bearer(username);

      // A draft is the person's own, materials too.
      await notFor(unitA.headers, 'own unit, before the registration is reported');
      await notFor(await staff('dongcheng_hrss'), 'own county, before the registration is reported');

      await submit(owner);
      for (const [who, headers] of [
        ['owner', owner.headers],
        ['own unit', unitA.headers],
        ['own county HRSS', await staff('dongcheng_hrss')],
      ] as const) {
        const response = await content(material.id, headers);
        expect({ who, status: response.status }).toEqual({ who, status: 200 });
        expect(sha256(response.body as Buffer)).toBe(material.sha256);
      }
      await notFor(unitB.headers, 'another unit of the same county');
      await notFor((await applicant()).headers, 'another applicant of the same unit');
      // Who does not review registrants reads none of their materials, not even in the same county.
      for (const username of ['dongcheng_org', 'dongcheng_finance', 'xicheng_hrss', 'xicheng_org', 'city_hrss', 'admin', 'auditor']) await notFor(await staff(username), username);
      expectProblem(await t.http().get(`${UPLOAD}/${material.id}/content`), 401, 'AUTH_REQUIRED');
      expectProblem(await t.http().get(`${UPLOAD}/not-an-id/content`).set(owner.headers), 404, 'NOT_FOUND');
    });

    it('a row whose object has gone answers 404, not 500', async () => {
      // A registrant of its own: the shared owner's registration is under review by now, and takes no uploads.
      const keeper = await applicant();
      const lost = await uploaded(keeper);
      await storage.remove(await storageKeyOf(lost.id));
      expectProblem(await t.http().get(`${UPLOAD}/${lost.id}/content`).set(keeper.headers), 404, 'NOT_FOUND');
    });
  });

  it('while the store is unreachable: 503, nothing left behind, and it works again when the store is back', async () => {
    const owner = await applicant();
    const kept = await uploaded(owner);
    const restore = await storage.outage();
    try {
      const before = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM attachments`);
      const upload = await send(owner.headers, multipart([kindPart(), filePart(pdf())]));
      expect({ status: upload.status, code: upload.body.code as unknown }).toEqual({ status: 503, code: 'STORAGE_UNAVAILABLE' });
      expect(upload.headers['retry-after']).toEqual(expect.stringMatching(/^\d+$/));
      expect(await t.db.query(`SELECT count(*)::int AS n FROM attachments`)).toEqual(before);
      await settled();
      const read = await t.http().get(`${UPLOAD}/${kept.id}/content`).set(owner.headers);
      expect({ status: read.status, code: read.body.code as unknown }).toEqual({ status: 503, code: 'STORAGE_UNAVAILABLE' });
      expect((await t.http().get('/api/health')).status).toBe(200);
    } finally {
      await restore();
    }
    expect((await content(kept.id, owner.headers)).status).toBe(200);
    await uploaded(owner);
  });

  describe('deleting', () => {
    it('the owner deletes while the registration is a draft or returned: row and object go', async () => {
      const owner = await applicant();
      const material = await uploaded(owner);
      const key = await storageKeyOf(material.id);
      expect(await storage.objects()).toContain(key);
      expect((await t.http().delete(`${UPLOAD}/${material.id}`).set(owner.headers)).status).toBe(204);
      expect(await t.db.query(`SELECT 1 FROM attachments WHERE id = $1`, [material.id])).toEqual([]);
      expect(await storage.objects()).not.toContain(key);
      expectProblem(await t.http().get(`${UPLOAD}/${material.id}/content`).set(owner.headers), 404, 'NOT_FOUND');
      await refused(() => t.http().delete(`${UPLOAD}/${material.id}`).set(owner.headers), 404, 'NOT_FOUND');

      const second = await uploaded(owner);
      await submit(owner);
      await t.http().post(`/api/v1/persons/registrations/${owner.id}/return`).set(unitA.headers).send({ opinion: '请重新上传学位证书' });
      const secondKey = await storageKeyOf(second.id);
      expect((await t.http().delete(`${UPLOAD}/${second.id}`).set(owner.headers)).status).toBe(204);
      expect(await storage.objects()).not.toContain(secondKey);

      // Both files' arrival and removal are in the operation log, as the owner's.
      const logged = await t.db.query<{ target_id: string; action: string; actor_username: string; summary: string }[]>(
        `SELECT target_id, action, actor_username, summary FROM operation_logs WHERE target_id = ANY($1) ORDER BY id`,
        [[material.id, second.id]],
      );
      expect(logged.map((row) => [row.target_id, row.action, row.actor_username])).toEqual([
        [material.id, 'MATERIAL_UPLOAD', owner.request.account.username],
        [material.id, 'MATERIAL_DELETE', owner.request.account.username],
        [second.id, 'MATERIAL_UPLOAD', owner.request.account.username],
        [second.id, 'MATERIAL_DELETE', owner.request.account.username],
      ]);
      expect(logged[1].summary).toContain(material.fileName);
    });

    it('not while the unit reviews the registration (409 ATTACHMENT_NOT_DELETABLE); again once approved', async () => {
      const owner = await applicant();
      const material = await uploaded(owner);
      await submit(owner);
      const problem = await refused(() => t.http().delete(`${UPLOAD}/${material.id}`).set(owner.headers), 409, 'ATTACHMENT_NOT_DELETABLE');
      expect(problem.detail).toContain('待审核');
      expect(await storage.objects()).toContain(await storageKeyOf(material.id));
      expect((await t.http().post(`/api/v1/persons/registrations/${owner.id}/approve`).set(unitA.headers)).status).toBe(200);
      expect((await t.http().delete(`${UPLOAD}/${material.id}`).set(owner.headers)).status).toBe(204);
    });

    it('not while a work-history entry uses the file (409), until the entry lets it go', async () => {
      const owner = await applicant();
      const contract = await uploaded(owner, pdf(), '劳动合同.pdf', 'LABOUR_CONTRACT');
      await submit(owner);
      await t.http().post(`/api/v1/persons/registrations/${owner.id}/approve`).set(unitA.headers);
      const entry = await t.http().post('/api/v1/work-histories').set(owner.headers).send({
        unitId: unitA.id,
        startDate: '2020-07-01',
        endDate: null,
        contractStart: '2020-07-01',
        contractEnd: '2023-06-30',
        contractOpenEnded: false,
        contractAttachmentId: contract.id,
        proofAttachmentId: contract.id,
      });
      expect(entry.status).toBe(201);
      const problem = await refused(() => t.http().delete(`${UPLOAD}/${contract.id}`).set(owner.headers), 409, 'ATTACHMENT_NOT_DELETABLE');
      expect(problem.detail).toContain('工作经历');
      expect((await t.http().patch(`/api/v1/work-histories/${entry.body.id as string}`).set(owner.headers).send({ contractAttachmentId: null, proofAttachmentId: null })).status).toBe(200);
      expect((await t.http().delete(`${UPLOAD}/${contract.id}`).set(owner.headers)).status).toBe(204);
    });

    it("someone else's material is 404 for another applicant (as a missing id), and a reviewer may not delete at all", async () => {
      const owner = await applicant();
      const material = await uploaded(owner);
      const stranger = await applicant();
      const foreign = await refused(() => t.http().delete(`${UPLOAD}/${material.id}`).set(stranger.headers), 404, 'NOT_FOUND');
      const missing = await refused(() => t.http().delete(`${UPLOAD}/${randomUUID()}`).set(stranger.headers), 404, 'NOT_FOUND');
      expect(problemWithoutRequest(foreign)).toEqual(problemWithoutRequest(missing));
      await refused(() => t.http().delete(`${UPLOAD}/not-an-id`).set(stranger.headers), 404, 'NOT_FOUND');
      await submit(owner);
      await refused(() => t.http().delete(`${UPLOAD}/${material.id}`).set(unitA.headers), 403, 'FORBIDDEN');
      await refused(async () => t.http().delete(`${UPLOAD}/${material.id}`).set(await t.bearer('dongcheng_hrss')), 403, 'FORBIDDEN');
      await refused(() => t.http().delete(`${UPLOAD}/${material.id}`), 401, 'AUTH_REQUIRED');
    });
  });
});
