// `npm run help`: what the command line can do.
import { BUILTIN_IDS } from "../../shared/scenario/builtin/index.js";

const help = `Entente: a classroom game about alliances (balance of power, balance of threat, bandwagoning).

  npm start
      The classroom server (teachers and students connect with a browser).

  npm run predict -- --scenario <id or file> [--json]
      What each theory predicts for every state at round 1, and why.

  npm run simulate -- --scenario <id or file> --policy <policy> --rounds N --seed S [--json]
      A whole game played by bots; policy: balance-of-power, balance-of-threat,
      bandwagon, random or mixed.

  npm run scenario:check -- <file.json>
      Checks a scenario file you wrote and lists every problem.

  npm run bench
      Timings of the model.

Built-in scenarios: ${BUILTIN_IDS.join(", ")}
`;

process.stdout.write(help);
