// npm start: the Entente server on one port (default 2567).
import { networkInterfaces } from "node:os";
import { createEntenteServer } from "./app.js";
import { configFromEnv } from "./config.js";

const config = configFromEnv();
const server = createEntenteServer(config);
const port = await server.start();
const addresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === "IPv4" && !a.internal)
  .map((a) => `http://${a!.address}:${port}`);
process.stdout.write(
  `Entente is running.\n  On this computer: http://localhost:${port}\n${addresses.map((a) => `  On the school network: ${a}\n`).join("")}  Data: ${config.dataDir}\n  Stop with Ctrl+C (running games are kept and come back at the next start).\n`,
);
