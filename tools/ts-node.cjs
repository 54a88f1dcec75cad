// Runs a TypeScript tool file with the workspace's path aliases: node -r ./tools/ts-node.cjs file.ts
process.env.TS_NODE_PROJECT = require('node:path').join(__dirname, '..', 'apps/api/tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
require('tsconfig-paths/register');
