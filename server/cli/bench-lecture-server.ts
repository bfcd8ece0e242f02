// The server of bench-load.ts's lecture step: server/main.ts as `npm start`
// runs it, except that one game takes BENCH_NEW_STUDENTS_PER_MINUTE new
// students a minute instead of 150 (guard/limits.ts), so that a 1,000-student
// room fills in seconds rather than 7 minutes. Nothing else differs.
import { LIMITS } from "../guard/limits.js";
import { intEnv } from "./bench-kit.js";

// The limiters are made from LIMITS when the server starts (after this line), so the change reaches them.
(LIMITS as unknown as { newStudentsPerGame: { points: number } }).newStudentsPerGame.points = intEnv("BENCH_NEW_STUDENTS_PER_MINUTE", 100_000);
await import("../main.js");
