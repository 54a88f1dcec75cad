// Builds the API (with the libs and migrations it imports) to dist/apps/api and rewrites the
// @pathways/* path aliases to relative requires, so plain `node` runs the output.
import { execFileSync } from 'node:child_process';
import { rmSync, cpSync } from 'node:fs';

const run = (bin, args) => execFileSync(bin, args, { stdio: 'inherit' });
rmSync('dist/apps/api', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json']);
run('npx', ['tsc-alias', '-p', 'apps/api/tsconfig.app.json']);
cpSync('apps/api/src/database/seed/data', 'dist/apps/api/apps/api/src/database/seed/data', {
  recursive: true,
});
