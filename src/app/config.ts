/**
 * Configuration from environment variables, read once at start; documented in README.md.
 *
 * @example
 *   const config = readConfig(process.env); // { port: 8080, dataDir: './data', ... }
 */
import { join } from 'node:path';

export interface BureauConfig {
  /** PostgreSQL URL; when absent the embedded SQLite file under dataDir is used. */
  databaseUrl?: string;
  /** Folder of the SQLite file, the key file and the demo keys. */
  dataDir: string;
  sqlitePath: string;
  keyFile: string;
  host: string;
  port: number;
  jurisdiction: string;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv): BureauConfig {
  const dataDir = env.OPENBUREAU_DATA_DIR || './data';
  const port = Number(env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PORT: expected a port number 0-65535');
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir,
    sqlitePath: join(dataDir, 'openbureau.sqlite'),
    keyFile: env.OPENBUREAU_KEY_FILE || join(dataDir, 'master.key'),
    host: env.HOST || '127.0.0.1',
    port,
    jurisdiction: env.OPENBUREAU_JURISDICTION || 'CN',
    logLevel: env.LOG_LEVEL || 'info',
  };
}
