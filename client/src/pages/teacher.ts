// The teacher's console: create a game (teacher/setup.ts), then run it
// (teacher/console.ts) at ?code=.
import "../common/no-eval.js";
import "../styles.css";
import { isJoinCode } from "../../../shared/ids.js";
import { byId, param } from "../common/dom.js";
import { runConsole } from "../teacher/console.js";
import { setup } from "../teacher/setup.js";

const app = byId("app");
const code = (param("code") ?? "").toUpperCase();
if (isJoinCode(code)) void runConsole(app, code);
else void setup(app);
