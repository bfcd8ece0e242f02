// npm start: the Entente server on one port (default 2567).
import { networkInterfaces } from "node:os";
import { createEntenteServer } from "./app.js";
import { configFromEnv } from "./config.js";
import { startUpProblem } from "./storage/faults.js";

const config = configFromEnv();

/** Starts the server and returns its port; exits with code 1 when the data folder cannot be used. */
async function start(): Promise<number> {
  try {
    return await createEntenteServer(config).start();
  } catch (err) {
    // A data folder the server cannot use (read-only, a full disk, a damaged file): one sentence that
    // names the path and what to do, not a stack trace. Anything else is shown as it is.
    const problem = startUpProblem(err, config.dataDir);
    if (problem === null) throw err;
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}

const port = await start();
const addresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === "IPv4" && !a.internal)
  .map((a) => `http://${a!.address}:${port}`);
process.stdout.write(
  `Entente is running.\n  On this computer: http://localhost:${port}\n${addresses.map((a) => `  On the school network: ${a}\n`).join("")}  Data: ${config.dataDir}\n  Stop with Ctrl+C (running games are kept and come back at the next start).\n`,
);
