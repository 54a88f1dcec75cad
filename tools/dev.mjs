// npm run dev: the API in watch mode (port 3000, embedded PostgreSQL unless DATABASE_URL is set) and the Vite
// dev server (port 4200, proxying /api to the API). Ctrl-C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--watch', '-r', './tools/ts-node.cjs', 'apps/api/src/main.ts'], {
    stdio: 'inherit',
  }),
  spawn('npx', ['vite', '-c', 'apps/web/vite.config.mts'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => (process.exitCode ||= code ?? 0)));
