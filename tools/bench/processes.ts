import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

/** A child process in its own process group (so stopping it stops what it started: npm, nx, node, postgres). */
export interface Child {
  pid: number;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export function spawnGroup(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; log: string },
): Child {
  const fd = openSync(options.log, 'a');
  const child = spawn(command, args, { env: options.env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  let running = true;
  const exited = new Promise<string>((done) => {
    child.on('exit', (code, signal) => {
      running = false;
      done(signal ?? String(code));
    });
    child.on('error', (error) => {
      running = false;
      done(error.message);
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    pid,
    exited,
    stop: async () => {
      // The whole group: SIGTERM (the API finishes in-flight requests and stops its database), then SIGKILL.
      signalGroup('SIGTERM');
      const ended = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
      if (!ended || running) {
        signalGroup('SIGKILL');
        await exited;
      }
      // What the leader started in its group and left behind.
      await sleep(200);
      signalGroup('SIGKILL');
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200; fails when `child` exits first or after `timeoutMs`. */
export async function waitForOk(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const state: { exited: string | null } = { exited: null };
  void child.exited.then((code) => (state.exited = code));
  for (;;) {
    if (state.exited !== null) throw new Error(`the process exited (${state.exited}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Fails early when a port the benchmark needs is taken. */
export async function ensureFree(port: number, what: string): Promise<void> {
  const free = await new Promise<boolean>((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
  if (!free || (await listening(port))) throw new Error(`port ${port} (${what}) is in use`);
}
