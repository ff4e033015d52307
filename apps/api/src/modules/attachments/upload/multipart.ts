import multipart from '@fastify/multipart';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../common/errors/app-error.js';

const MULTIPART_ROUTE = 'butieMultipart';

/** Opens a route to multipart/form-data bodies; every other route refuses them with 415. */
export const AcceptsMultipart = () => applyDecorators(RouteConfig({ [MULTIPART_ROUTE]: true }), ApiConsumes('multipart/form-data'));

export interface MultipartLimits {
  maxFileBytes: number;
}

/**
 * @fastify/multipart in stream mode: its content-type parser only marks the request, and the upload
 * route reads the parts itself (request.parts()) and streams the file on. The plugin is registered
 * on the one Fastify instance Nest has, so routes without @AcceptsMultipart() refuse such a body
 * before anything reads it: multipart is an upload route's business only.
 */
export async function registerMultipart(app: NestFastifyApplication, limits: MultipartLimits): Promise<void> {
  await app.register(multipart, {
    limits: {
      // One byte over the limit, so that our meter sees the excess and answers 413 itself.
      fileSize: limits.maxFileBytes + 1,
      files: 1,
      fields: 4,
      parts: 5,
      fieldNameSize: 64,
      fieldSize: 1024,
      headerPairs: 20,
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request) => {
    if (isMultipartRequest(request) && !acceptsMultipart(request)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '该接口不接受 multipart/form-data，请使用 application/json');
    }
  });
  // A refusal given before the whole body has arrived (413 mid-stream, 415 after the first bytes)
  // closes the connection: the rest of the upload is dropped, not read to the end.
  fastify.addHook('onSend', async (request, reply) => {
    if (acceptsMultipart(request) && !request.raw.complete) void reply.header('connection', 'close');
  });
}

/**
 * Whether a multipart/form-data content type names a usable boundary (RFC 2046: 1–70 characters of
 * its alphabet, not ending in a space). Without one the parser finds no part and the body would
 * read as an empty form; the request is malformed, and is told so before anything is read.
 */
export function hasValidBoundary(contentType: string | undefined): boolean {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const boundary = match ? (match[1] ?? match[2]) : '';
  return /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary);
}

function isMultipartRequest(request: FastifyRequest): boolean {
  return /^multipart\//i.test(request.headers['content-type'] ?? '');
}

function acceptsMultipart(request: FastifyRequest): boolean {
  return (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[MULTIPART_ROUTE] === true;
}
