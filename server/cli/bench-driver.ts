// One load generator of bench-load.ts: it drives a share of the simulated
// class (teachers and students, each a colyseus.js client from its own device
// address, bench-participant.ts) and answers its parent's commands. It runs
// either as a forked child process (IPC: process.send) or as a worker thread
// (parentPort), as bench-workers.ts starts it; the code is the same.
//   join   -> joins its share, a few at a time; replies with join latencies
//   start  -> its teachers start their games' rounds
//   decide -> each of its students sends `messages` decisions (budget and
//             action alternately) at random moments of a window, which opens
//             when its own screen shows the round (no student can decide
//             before); replies with every decision's latency (send to ack, ms)
//   resolve -> its teachers end the round now; once every student sees the
//             review, replies with the bytes of state patches each student
//             received since the round started (the "start" command)
//   leave  -> leaves every room; replies, then exits when told to
// It asserts nothing; every wait is bounded. It exits by itself if its parent
// goes away or after HARD_LIMIT_MS.
import { parentPort } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import type { Room } from "colyseus.js";
import { epochMs, sleep, withTimeout } from "./bench-kit.js";
import { deviceClient, Participant, randomBudget } from "./bench-participant.js";

/** One client to join: where (the process's ws URL), which game, as whom, from which device number. */
export interface JoinSpec {
  wsUrl: string;
  code: string;
  device: number;
  role: "teacher" | "student";
  /** A student's nickname, or the teacher's key. */
  secret: string;
}

export type ToDriver =
  | { kind: "join"; joins: JoinSpec[]; concurrency: number; timeoutMs: number; deadline: number }
  | { kind: "start" }
  | { kind: "decide"; startAt: number; windowMs: number; messages: number; timeoutMs: number }
  | { kind: "resolve"; timeoutMs: number }
  | { kind: "leave" };

export type FromDriver =
  | { kind: "ready" }
  | { kind: "joined"; latencies: number[]; failures: number; untried: number; errors: string[] }
  | { kind: "started"; refused: string[] }
  | { kind: "decided"; latencies: number[]; refusals: Record<string, number>; unanswered: number }
  | { kind: "resolved"; patchBytes: number[]; refused: string[] }
  | { kind: "left" }
  | { kind: "failed"; error: string };

const HARD_LIMIT_MS = 45 * 60_000;

const teachers: Participant[] = [];
const students: Participant[] = [];
const rooms: Room[] = [];

function tell(m: FromDriver): void {
  if (parentPort) parentPort.postMessage(m);
  else process.send?.(m);
}

/** Joins `joins`, `concurrency` at a time; none is begun after `deadline` (epoch ms): those are counted as untried. */
async function joinAll(joins: JoinSpec[], concurrency: number, timeoutMs: number, deadline: number): Promise<FromDriver> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let failures = 0;
  let next = 0;
  const lane = async () => {
    while (next < joins.length && epochMs() < deadline) {
      const j = joins[next++]!;
      const options = j.role === "teacher" ? { role: "teacher", teacherKey: j.secret } : { role: "student", nickname: j.secret };
      const t = performance.now();
      try {
        const room = await withTimeout(deviceClient(j.wsUrl, j.device).joinById(j.code, options), timeoutMs, `${j.role} join`);
        rooms.push(room);
        const p = new Participant(room, timeoutMs);
        // Joined means welcomed: the welcome says which state the student plays.
        if (j.role === "student") {
          await withTimeout(
            (async () => {
              while (p.welcome === null) await sleep(10);
            })(),
            timeoutMs,
            "welcome",
          );
          students.push(p);
        } else teachers.push(p);
        latencies.push(performance.now() - t);
      } catch (err) {
        failures++;
        if (errors.length < 3) errors.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return { kind: "joined", latencies, failures, untried: joins.length - next, errors };
}

/** The phase a participant's synchronized state shows ("lobby", "diplomacy", "review"…), or undefined before the first state. */
const phase = (p: Participant) => (p.room.state as { phase?: string } | undefined)?.phase;

async function startRounds(): Promise<FromDriver> {
  for (const s of students) s.patchBytes = 0;
  const replies = await Promise.all(teachers.map((t) => t.request("start")));
  return { kind: "started", refused: replies.filter((r) => !r.ok).map((r) => `${r.code}: ${r.message}`) };
}

/** Each student: `messages` send times drawn uniformly over the window (sorted), budget and action by turns; replies not awaited before the next send. */
async function decideAll(startAt: number, windowMs: number, messages: number, timeoutMs: number): Promise<FromDriver> {
  const latencies: number[] = [];
  const refusals: Record<string, number> = {};
  let unanswered = 0;
  const opens = performance.now() + (startAt - epochMs());
  const one = async (s: Participant) => {
    // The round reaches a student's screen with a state patch: only then can they decide (bounded: never past the window).
    while (phase(s) !== "diplomacy" && performance.now() < opens + windowMs) await sleep(20);
    const t0 = Math.max(opens, performance.now());
    const times = Array.from({ length: messages }, () => Math.random() * windowMs).sort((a, b) => a - b);
    const replies: Promise<void>[] = [];
    for (let i = 0; i < times.length; i++) {
      await sleep(Math.max(0, t0 + times[i]! - performance.now()));
      const sent = i % 2 === 0 ? s.request("budget", randomBudget()) : s.request("action", { kind: "none" });
      replies.push(
        sent.then(
          (r) => {
            latencies.push(r.latencyMs);
            if (!r.ok) refusals[r.code ?? "?"] = (refusals[r.code ?? "?"] ?? 0) + 1;
          },
          () => {
            unanswered++;
          },
        ),
      );
    }
    await Promise.all(replies);
  };
  await withTimeout(Promise.all(students.map(one)), windowMs + timeoutMs + 5000, "decisions");
  return { kind: "decided", latencies, refusals, unanswered };
}

/** Teachers end the round; waits (bounded) until every student's state shows the review and the patch after it has come. */
async function resolveRounds(timeoutMs: number): Promise<FromDriver> {
  const replies = await Promise.all(teachers.map((t) => t.request("advance")));
  await withTimeout(
    (async () => {
      while (!students.every((s) => phase(s) === "review")) await sleep(50);
    })(),
    timeoutMs,
    "the review on every student's screen",
  ).catch(() => undefined);
  await sleep(500); // the patches that follow the review's (the server sends them every 200 ms)
  return { kind: "resolved", patchBytes: students.map((s) => s.patchBytes), refused: replies.filter((r) => !r.ok).map((r) => `${r.code}: ${r.message}`) };
}

async function leaveAll(): Promise<FromDriver> {
  await Promise.race([Promise.allSettled(rooms.map((r) => r.leave(true))), sleep(5000)]);
  return { kind: "left" };
}

async function handle(m: ToDriver): Promise<void> {
  try {
    if (m.kind === "join") tell(await joinAll(m.joins, m.concurrency, m.timeoutMs, m.deadline));
    else if (m.kind === "start") tell(await startRounds());
    else if (m.kind === "decide") tell(await decideAll(m.startAt, m.windowMs, m.messages, m.timeoutMs));
    else if (m.kind === "resolve") tell(await resolveRounds(m.timeoutMs));
    else tell(await leaveAll());
  } catch (err) {
    tell({ kind: "failed", error: err instanceof Error ? err.message : String(err) });
  }
}

// colyseus.js logs every refused join and closed room to the console; the driver counts them and reports the first few instead.
console.error = () => undefined;
console.warn = () => undefined;
console.log = () => undefined;
setTimeout(() => process.exit(3), HARD_LIMIT_MS).unref();
if (parentPort) parentPort.on("message", (m: ToDriver) => void handle(m));
else {
  process.on("message", (m: unknown) => void handle(m as ToDriver));
  process.on("disconnect", () => process.exit(0));
}
tell({ kind: "ready" });
