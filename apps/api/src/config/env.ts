import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Every environment variable the API reads, validated at start-up (README "Configuration"). */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().url().optional(),
    EMBEDDED_PG_DIR: z.string().default('.data/pg'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
    SEED_DEMO: bool,
    WEB_DIST: z.string().default('dist/apps/web'),
    COOKIE_SECURE: bool,
    TRUST_PROXY: bool,
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
    LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .transform((e) => ({
    ...e,
    COOKIE_SECURE: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    TRUST_PROXY: e.TRUST_PROXY ?? false,
    /** Demo data: always with the embedded database, otherwise only when asked for. */
    SEED_DEMO: e.SEED_DEMO ?? e.DATABASE_URL === undefined,
  }));

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (`DATABASE_URL=`) means unset, as in most shells' and tools' reading.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}
