// npm start: the Entente server on one port (default 2567).
import { createServer } from "node:net";
import { joinAddresses } from "./http/join-address.js";
import { createEntenteServer } from "./app.js";
import { configFromEnv } from "./config.js";
import { startUpProblem } from "./storage/faults.js";
import { describeStorage } from "./storage/open.js";

/** Settings from the environment; a wrong one is one sentence and exit code 1. */
function readConfig(): ReturnType<typeof configFromEnv> {
  try {
    return configFromEnv();
  } catch (err) {
    process.stderr.write(`Entente cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

const config = readConfig();

/** Whether the port can be listened on (checked first, so that a busy port is one sentence, not Colyseus's stack trace). */
function portProblem(port: number, hostname: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    probe.listen(port, hostname, () => probe.close(() => resolve(null)));
  });
}

/** Starts the server and returns its port; exits with code 1 when the port or the data folder cannot be used. */
async function start(): Promise<number> {
  const busy = config.port === 0 ? null : await portProblem(config.port, config.hostname);
  if (busy === "EADDRINUSE" || busy === "EACCES") failOnPort(busy);
  try {
    return await (await createEntenteServer(config)).start();
  } catch (err) {
    // A data folder the server cannot use (read-only, a full disk, a damaged file): one sentence that
    // names the path and what to do, not a stack trace. Anything else is shown as it is.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES") failOnPort(code);
    const problem = startUpProblem(err, config.dataDir, undefined, config.databaseUrl);
    if (problem === null) throw err;
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}

function failOnPort(code: "EADDRINUSE" | "EACCES"): never {
  process.stderr.write(
    code === "EADDRINUSE"
      ? `Entente cannot start: port ${config.port} is already in use (is Entente already running?). Stop the other program, or start with another port: PORT=8080 npm start\n`
      : `Entente cannot start: port ${config.port} needs administrator rights. Use a port above 1024: PORT=8080 npm start\n`,
  );
  process.exit(1);
}

const port = await start();
const addresses = joinAddresses(port, config.hostname, config.joinUrl).addresses.map((a) => a.url);
process.stdout.write(
  `Entente is running.\n  On this computer: http://localhost:${port}\n${addresses.map((a) => `  On the school network: ${a}\n`).join("")}  Data: ${describeStorage(config)}\n  Stop with Ctrl+C (running games are kept and come back at the next start).\n`,
);
