export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__PATHWAYS_E2E_SERVER__;
  if (!server || server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}
