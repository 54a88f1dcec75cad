import 'reflect-metadata';
import { Client } from 'pg';
import { loadEnv } from '../../apps/api/src/config/env';
import { datasetChecksum } from './checksum';
import { BULK_LOAD_FLAGS, startEmbeddedForLoad } from './embedded';
import { generateDataset } from './generate';
import { recordRun } from './last-run';

const USAGE = `usage: npm run db:generate -- --referrals N [--seed S] [--now ISO-8601] [--reset] [--checksum]

  --referrals N   referrals to generate (1,000,000 for the benchmarks; cases, contacts and notes scale with it)
  --seed S        seed of every pseudo-random choice (default 1): the same seed and --now give the same data
  --now ISO       the instant the two years of data end at (default: the start of the current hour)
  --reset         the database already holds referrals: drop the schema first (like npm run db:reset)
  --checksum      print a digest of the generated rows (compare two runs)

Uses DATABASE_URL, or the embedded PostgreSQL under EMBEDDED_PG_DIR / EMBEDDED_PG_PORT.`;

interface Args {
  referrals: number;
  seed: number;
  now?: Date;
  reset: boolean;
  checksum: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { referrals: NaN, seed: 1, reset: false, checksum: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n\n${USAGE}`);
      return v;
    };
    if (a === '--referrals') args.referrals = Number(value().replace(/[_,]/g, ''));
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--now') {
      const d = new Date(value());
      if (Number.isNaN(d.getTime())) throw new Error('--now must be an ISO-8601 instant');
      args.now = d;
    } else if (a === '--reset') args.reset = true;
    else if (a === '--checksum') args.checksum = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n\n${USAGE}`);
  }
  if (!Number.isFinite(args.referrals)) throw new Error(`--referrals is required\n\n${USAGE}`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = loadEnv();
  let url = env.DATABASE_URL;
  let embedded: { stop: () => Promise<void> } | null = null;
  if (!url) {
    console.log(
      `starting embedded PostgreSQL in ${env.EMBEDDED_PG_DIR} on port ${env.EMBEDDED_PG_PORT} for the load (${BULK_LOAD_FLAGS.join(', ')})`,
    );
    const started = await startEmbeddedForLoad({
      dir: env.EMBEDDED_PG_DIR,
      port: env.EMBEDDED_PG_PORT,
      database: 'pathways',
    });
    url = started.url;
    embedded = started;
  }
  try {
    const result = await generateDataset(url, {
      referrals: args.referrals,
      seed: args.seed,
      now: args.now,
      reset: args.reset,
      production: env.NODE_ENV === 'production',
      log: (line) => console.log(line),
    });
    console.log(`seed ${result.seed}, data up to ${result.now.toISOString()}`);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      // What `npm run bench` reports as the generation time of this data set.
      await recordRun(client, {
        referrals: args.referrals,
        seed: result.seed,
        dataUntil: result.now,
        seconds: result.seconds,
      });
      if (args.checksum) {
        const { digest } = await datasetChecksum(client);
        console.log(`checksum ${digest}`);
      }
    } finally {
      await client.end();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
