// Settings from the environment, with the defaults a teacher needs on one machine.
import { resolve } from "node:path";
import { parseAllowedOrigins, type Origin } from "./http/origins.js";

export interface ServerConfig {
  port: number;
  /** Interface to listen on (all by default, so that students on the school network can reach it). */
  hostname: string;
  dataDir: string;
  /** Colyseus presence and driver in Redis, for several processes. */
  redisUrl?: string;
  /** DATABASE_URL: PostgreSQL instead of the embedded SQLite file, for several machines (docs/deploy.md). */
  databaseUrl?: string;
  /** LEASE_SECONDS, in ms: how long a game waits for its process's heartbeat before another process may take it over. */
  leaseMs?: number;
  /** host:port (no scheme) by which browsers reach this process; needed with several processes. */
  publicAddress?: string;
  teacherPasscode?: string;
  /** JOIN_URL: the address students type and the QR code encodes, when the machine's own is not it (a reverse proxy, a school domain). */
  joinUrl?: string;
  /** Origins (besides the server's own) whose pages may use it: ALLOWED_ORIGINS, see http/origins.ts. */
  allowedOrigins?: readonly Origin[];
  reconnectSeconds: number;
  endLingerMs: number;
  /** How often the write-ahead file is folded into the database file (ms; default 10 s). */
  checkpointMs?: number;
  /** Proxies trusted to report the client's address in X-Forwarded-For (Express's "trust proxy"): false, a hop count, or addresses/ranges. */
  trustProxy?: boolean | number | string;
}

/** TRUST_PROXY: unset or "false" (none), "true" (any), a number of hops, or comma-separated addresses/ranges ("loopback", "10.0.0.0/8"). */
function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${value}")`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  if (env.REDIS_URL && !env.PUBLIC_ADDRESS) {
    // Without its own address, a process cannot be told apart from the others: joins land on the
    // wrong process and two processes would bring back the same games after a restart.
    throw new Error("REDIS_URL needs PUBLIC_ADDRESS too: the host:port by which browsers reach this process (see docs/deploy.md)");
  }
  const checkpointSeconds = intFrom(env.CHECKPOINT_SECONDS, 10, "CHECKPOINT_SECONDS");
  if (checkpointSeconds < 1) throw new Error(`CHECKPOINT_SECONDS must be 1 or more (got "${env.CHECKPOINT_SECONDS ?? ""}")`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a PostgreSQL address such as postgres://entente:secret@db.school.example:5432/entente (got "${databaseUrl.replace(/:[^:@/]*@/, ":***@")}")`);
  }
  const leaseSeconds = intFrom(env.LEASE_SECONDS, 15, "LEASE_SECONDS");
  if (leaseSeconds < 2) throw new Error(`LEASE_SECONDS must be 2 or more: games renew their lease every second (got "${env.LEASE_SECONDS ?? ""}")`);
  const joinUrl = env.JOIN_URL || undefined;
  if (joinUrl && !/^https?:\/\/[^/\s?#]+\/?$/.test(joinUrl)) {
    throw new Error(`JOIN_URL must be an address such as http://entente.school.example or http://192.168.1.20:2567, with no path (got "${joinUrl}")`);
  }
  return {
    port: intFrom(env.PORT, 2567, "PORT"),
    hostname: env.HOSTNAME_BIND ?? "0.0.0.0",
    dataDir: resolve(env.DATA_DIR ?? "data"),
    redisUrl: env.REDIS_URL || undefined,
    databaseUrl,
    leaseMs: leaseSeconds * 1000,
    publicAddress: env.PUBLIC_ADDRESS || undefined,
    teacherPasscode: env.TEACHER_PASSCODE || undefined,
    joinUrl,
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    reconnectSeconds: intFrom(env.RECONNECT_SECONDS, 60, "RECONNECT_SECONDS"),
    endLingerMs: intFrom(env.END_LINGER_SECONDS, 600, "END_LINGER_SECONDS") * 1000,
    checkpointMs: checkpointSeconds * 1000,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
  };
}
