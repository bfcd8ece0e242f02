// Which store this process uses: PostgreSQL when DATABASE_URL is set (several
// machines), otherwise the embedded SQLite file in the data folder.
import { openDatabase } from "./database.js";
import { openPostgresStore } from "./postgres-store.js";
import { SqliteStore } from "./sqlite-store.js";
import type { GameStore, StoreOptions } from "./store.js";

export interface StorageConfig {
  dataDir: string;
  /** postgres://user:password@host:port/database, or undefined for SQLite. */
  databaseUrl?: string;
}

/**
 * Opens the store the config names and brings its schema up to date. Throws the SQLite or file-system error
 * (storage/faults.ts, startUpProblem, says which in words) or a StorageError for PostgreSQL.
 */
export async function openStore(config: StorageConfig, options: StoreOptions): Promise<GameStore> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl, options);
  return new SqliteStore(openDatabase(config.dataDir), options);
}

/** Where the data is, for the start-up message and logs: the folder, or the database server without its password. */
export function describeStorage(config: StorageConfig): string {
  if (!config.databaseUrl) return config.dataDir;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
