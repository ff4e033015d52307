import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { NestPinoLogger } from './common/logging/logger.js';
import { createValidationPipe } from './common/validation/validation.js';
import { refuseUnacceptableInput, useBoundedJsonParser } from './common/validation/edge-input.js';
import { RateLimiter } from './common/rate-limit/rate-limiter.js';
import { registerClientRateLimit } from './common/rate-limit/client-rate-limit.js';
import { documentProblems } from './common/openapi/problem-responses.js';
import { collectRoutes } from './common/openapi/route-catalogue.js';
import { createSecurityHeaders } from './common/http/security-headers.js';
import { registerSpaStatic } from './common/http/spa-static.js';
import { answerClientError, answerFrameworkError } from './common/http/framework-errors.js';
import { registerMultipart } from './modules/attachments/upload/multipart.js';

const ONE_MEGABYTE = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface CreateAppOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
}

/** Builds the whole HTTP application (not yet listening): used by main.ts and by the API tests alike. */
export async function createApp({ config, logger, databaseUrl }: CreateAppOptions): Promise<NestFastifyApplication> {
  const webIndex = path.join(config.webDistDir, 'index.html');
  const serveSpa = existsSync(webIndex);

  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ONE_MEGABYTE,
    trustProxy: trustedHops(config.trustProxy),
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Client-side routes of the SPA (/admin/staff…) are answered with its index.html.
    rewriteUrl: serveSpa ? (request: IncomingMessage) => spaRewrite(request.url ?? '/') : undefined,
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, logger, databaseUrl }), adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  const headersFor = createSecurityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headersFor(request)).header('x-request-id', request.id);
    done();
  });
  registerClientRateLimit(fastify, app.get(RateLimiter), config.auth.rateLimitPerIpPerMinute);
  refuseUnacceptableInput(fastify);
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        user: (request as FastifyRequest & { user?: { id: string } }).user?.id,
      },
      'request',
    );
    done();
  });

  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('补贴通 API')
      .setDescription(
        '大学生生活补贴网上申报系统。所有接口位于 /api/v1；除登录、注册、单位选择与公示页外均需 `Authorization: Bearer <accessToken>`。' +
          '错误一律为 application/problem+json，含稳定的 `code` 与中文 `detail`，表单字段错误在 `errors[]`。金额为整数分（amountFen），月份为 YYYY-MM。',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  documentProblems(document, collectRoutes(app));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  if (serveSpa) await registerSpaStatic(app, config.webDistDir);
  // Multipart bodies for the upload routes only (see multipart.ts); the file is streamed, not buffered.
  await registerMultipart(app, { maxFileBytes: config.attachments.maxFileBytes });

  await app.init();
  // JSON is the only body this API takes: a text or form body gets 415, not a half-understood 400
  // (or, for a form, a change made from fields the API never documented).
  fastify.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
  useBoundedJsonParser(fastify);
  return app;
}

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes "trust the nearest N hops" (Fastify reads a
 * bare number as "trust nothing"): right only where clients cannot reach the app but through them.
 */
export function trustedHops(setting: AppConfig['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/** Paths under /api and paths naming a file are left alone; every other path is a page of the SPA. */
export function spaRewrite(url: string): string {
  const pathname = url.split('?')[0];
  if (pathname === '/api' || pathname.startsWith('/api/')) return url;
  if (path.posix.extname(pathname) !== '') return url;
  return '/index.html';
}
