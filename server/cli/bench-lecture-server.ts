// The server of bench-load.ts's lecture step: server/main.ts as `npm start`
// runs it, with two of a game's limits lifted so that one room can hold the
// issue's 1,000-student lecture: a game takes up to BENCH_LECTURE_STUDENTS
// students (today's cap is 600, shared/classroom/admission.ts) and
// BENCH_NEW_STUDENTS_PER_MINUTE new students a minute (today 150,
// server/guard/limits.ts), so that the room fills in seconds, not 7 minutes.
// Nothing else differs.
import { ADMISSION_LIMITS } from "../../shared/classroom/admission.js";
import { LIMITS } from "../guard/limits.js";
import { intEnv } from "./bench-kit.js";

// Both are read when a join is screened or the server's limiters are made (after these lines), so the change reaches them.
(ADMISSION_LIMITS as unknown as { students: number }).students = intEnv("BENCH_LECTURE_STUDENTS", 2000);
(LIMITS as unknown as { newStudentsPerGame: { points: number } }).newStudentsPerGame.points = intEnv("BENCH_NEW_STUDENTS_PER_MINUTE", 100_000);
await import("../main.js");
