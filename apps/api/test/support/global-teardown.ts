import { rm } from 'node:fs/promises';
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.BUTIE_TEST_SERVER_URL;
  const template = process.env.BUTIE_TEST_TEMPLATE;
  if (serverUrl && template) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    const role = process.env.BUTIE_TEST_APP_ROLE;
    // Fails only while a test database holding grants to it is left over: the role then stays behind.
    if (role) await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  }
  if (process.env.BUTIE_TEST_ATTACHMENT_DIR) await rm(process.env.BUTIE_TEST_ATTACHMENT_DIR, { recursive: true, force: true });
  await globalThis.__EMBEDDED_PG__?.stop();
  if (globalThis.__EMBEDDED_PG_FOLDER__) await rm(globalThis.__EMBEDDED_PG_FOLDER__, { recursive: true, force: true });
}
