import { performance } from 'node:perf_hooks';
import type { Account } from './accounts';
import { ApiClient, Recorder, sleep } from './http';
import { runUser, World } from './journeys';

export interface LoadRun {
  world: World;
  recorder: Recorder;
  seconds: number;
  /** Users still busy when the run gave up waiting for them (a hung request). */
  stuck: number;
}

export interface LoadRunOptions {
  base: string;
  accounts: Account[];
  durationMs: number;
  thinkMs: number;
  /** After signing in, users start evenly over this time. */
  rampMs: number;
  /** How many sign-ins run at once before the run (default 4). */
  signInConcurrency?: number;
  /** Per-request limit: a request with no answer by then counts as failed. */
  requestTimeoutMs?: number;
  recorder?: Recorder;
  /** Called every `progressMs` while the run goes on. */
  onProgress?: (elapsedSeconds: number, recorder: Recorder) => void;
  progressMs?: number;
}

export interface LoadHandle {
  world: World;
  recorder: Recorder;
  /** Ends the run early: users start no further request. */
  stop(): void;
  done: Promise<LoadRun>;
}

/**
 * Signs every account in first, a few at a time (`signInConcurrency`), then runs every account's user for
 * `durationMs` and resolves `done` once each has finished its current request. Sign-in verifies an argon2id hash,
 * deliberately costly (tens of ms of CPU each): two hundred of them inside the ramp would saturate both cores for
 * seconds and the run would measure that storm, not the journeys; sign-in is timed in its own group instead.
 * Bounded: users start no request after the deadline, each request gives up after `requestTimeoutMs`, and the
 * wait ends 60 s after the deadline whatever happens.
 */
export function startLoad(options: LoadRunOptions): LoadHandle {
  const recorder = options.recorder ?? new Recorder();
  const api = new ApiClient(options.base, recorder, options.requestTimeoutMs ?? 30_000);
  const world = new World(api, {
    deadline: Infinity,
    thinkMs: options.thinkMs,
    loadAccounts: options.accounts.some((a) => a.email.startsWith('load-')),
  });
  let stopped = false;
  const done = (async (): Promise<LoadRun> => {
    const queue = [...options.accounts];
    await Promise.all(
      Array.from({ length: options.signInConcurrency ?? 4 }, async () => {
        for (let a = queue.shift(); a && !stopped; a = queue.shift()) await world.session(a);
      }),
    );
    const started = performance.now();
    world.options.deadline = stopped ? started : started + options.durationMs;
    const step = options.accounts.length > 1 ? options.rampMs / (options.accounts.length - 1) : 0;
    let finished = 0;
    const users = options.accounts.map(async (account, i) => {
      await sleep(i * step);
      try {
        await runUser(world, account);
      } finally {
        finished += 1;
      }
    });
    const progress = options.onProgress
      ? setInterval(
          () => options.onProgress?.((performance.now() - started) / 1000, recorder),
          options.progressMs ?? 10_000,
        )
      : null;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.durationMs + 60_000);
    });
    await Promise.race([Promise.all(users), gaveUp]);
    clearTimeout(timer);
    if (progress) clearInterval(progress);
    return {
      world,
      recorder,
      seconds: (performance.now() - started) / 1000,
      stuck: options.accounts.length - finished,
    };
  })();
  return {
    world,
    recorder,
    stop: () => {
      stopped = true;
      world.stop();
    },
    done,
  };
}

/** startLoad, waited for. */
export function runLoad(options: LoadRunOptions): Promise<LoadRun> {
  return startLoad(options).done;
}
