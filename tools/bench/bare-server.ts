import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { replay, type Statement } from './replay';

/**
 * The floor for the throughput row: a bare `node:http` + `pg` server that answers every request by running the SQL
 * the API runs for it (the same statements and parameters, captured by the benchmark) and sending the rows as JSON.
 * No framework, no authentication, no mapping: `node -r ./tools/ts-node.cjs tools/bench/bare-server.ts CONFIG.json`.
 */
interface BareConfig {
  port: number;
  url: string;
  poolMax: number;
  statements: Statement[];
}

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as BareConfig;
const pool = new Pool({ connectionString: config.url, max: config.poolMax });
const server = createServer((req, res) => {
  replay(pool, config.statements).then(
    (runs) => {
      const body = JSON.stringify(runs.filter((r) => r.rows.length).map((r) => r.rows));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    },
  );
  req.resume();
});
server.keepAliveTimeout = 60_000;
server.listen(config.port, '127.0.0.1');
const stop = () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
