// npm start's server (server/main.ts) for the tests of real server processes
// with real pages: it serves the pages built into CLIENT_DIR (a test's own
// temporary build, see tests/security/served.ts) instead of client/dist, and
// prints the same "http://localhost:PORT" line that tests/server/processes.ts
// waits for. Everything else comes from the environment, as for npm start.
import { createEntenteServer } from "../../server/app.js";
import { configFromEnv } from "../../server/config.js";

const clientDir = process.env.CLIENT_DIR;
const server = await createEntenteServer(configFromEnv(), clientDir ? { clientDir } : {});
const port = await server.start();
process.stdout.write(`Entente is running (test pages from ${clientDir ?? "client/dist"}).\n  On this computer: http://localhost:${port}\n`);
