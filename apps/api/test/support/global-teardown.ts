import { rm } from 'node:fs/promises';
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.BUTIE_TEST_SERVER_URL;
  const template = process.env.BUTIE_TEST_TEMPLATE;
  if (serverUrl && template) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  }
  await globalThis.__EMBEDDED_PG__?.stop();
  if (globalThis.__EMBEDDED_PG_FOLDER__) await rm(globalThis.__EMBEDDED_PG_FOLDER__, { recursive: true, force: true });
}
