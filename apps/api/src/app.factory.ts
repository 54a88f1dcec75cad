import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { type Clock, SystemClock } from './common/clock';
import { HttpExceptionFilter } from './common/http-exception.filter';
import type { AppConfig } from './config/app-config';

export interface CreateAppOptions {
  clock?: Clock;
  /** Where pino writes (stdout by default); tests capture it to check what the logs contain. */
  logDestination?: DestinationStream;
}

/** Builds the whole HTTP application: used by main.ts and by the integration tests alike. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.env.BODY_LIMIT_BYTES,
    trustProxy: config.env.TRUST_PROXY,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.clock ?? new SystemClock(), options.logDestination),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new HttpExceptionFilter());

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Pathways API')
      .setDescription(
        'Youth-diversion case management. Contract: API.md; every route declares its permission.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('sid')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs.json',
    useGlobalPrefix: false,
  });

  serveSpa(app, config);
  await app.init();
  return app;
}

/** Serves the built SPA from the same origin; unknown non-API paths get index.html (client-side routes). */
function serveSpa(app: NestFastifyApplication, config: AppConfig): void {
  const root = resolve(config.env.WEB_DIST);
  const fastify = app.getHttpAdapter().getInstance();
  const hasSpa = existsSync(join(root, 'index.html'));
  if (hasSpa) {
    void fastify.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        void res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !hasSpa) {
      return reply
        .status(404)
        .send({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'Not found' });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  });
}
