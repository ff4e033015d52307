import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** A year: the longest lifetime browsers honour; a hashed file never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but asked about again (ETag / Last-Modified) before every use. */
const REVALIDATE = 'no-cache';

/**
 * Vite's output names under assets/ carry a content hash (`index-B3gzfzvs.js`); the compressed
 * copies beside them (`.br`, `.gz`) share it.
 */
const HASHED_ASSET = /^assets\/.+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;

/** How long a served file of the SPA may be kept, by its path inside the build folder. */
function cacheControlFor(relativePath: string): string {
  return HASHED_ASSET.test(relativePath.split(path.sep).join('/')) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built SPA from `webDistDir`: the `.br` or `.gz` copy written at build time when the
 * browser accepts it (no compression work per request), hashed files cached for a year, and
 * index.html and other unhashed files revalidated so that a new release is seen at once.
 * Client-side routes (/admin/staff…) reach here rewritten to /index.html (`spaRewrite`).
 */
export async function registerSpaStatic(app: NestFastifyApplication, webDistDir: string): Promise<void> {
  const root = path.resolve(webDistDir);
  // Encapsulated, so that the error handler below is for the files only, not for the API.
  await app.register(async (files: FastifyInstance) => {
    files.setErrorHandler((error: FastifyError, _request, reply) => {
      // @fastify/static refuses paths it will not resolve (`..`, `//`, `.` segments) with 403: there
      // is no file there, for anyone, so the answer is the same 404 as for any unknown path.
      if (error.statusCode === 403) return reply.callNotFound();
      throw error;
    });
    await files.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, filePath: string) => {
        reply.header('cache-control', cacheControlFor(path.relative(root, filePath)));
      },
    });
  });
}
