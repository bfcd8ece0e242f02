// How much one student, one connection and one network address may do, and the
// rate limiters that count it (rate-limiter-flexible, in this process's memory).
// The figures are sized for a class behind one school address (a NAT): 400
// students joining within a couple of minutes, each sending a few messages a
// second at most; a script far above them is cut off. docs/deploy.md lists them.
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** The limits, per process. Windows are in seconds. */
export const LIMITS = {
  /** Messages one student (over all their connections), the teacher, or one projector may send: 10 a second, bursts of 20. */
  messagesPerSecond: 10,
  messageBurst: 10,
  /** Messages from one network address over all its connections (a whole class may share one). */
  messagesPerAddressPerSecond: 400,
  /** A connection that sends this many messages in one second is disconnected (CLOSE.FLOODING). */
  floodPerSecond: 60,
  /** Chat messages one student may send: 1 a second, bursts of 5. */
  chatPerSecond: 1,
  chatBurst: 4,
  /** Matchmaking requests of any kind from one address (a whole class reconnecting after a network cut fits). */
  matchmakePerAddress: { points: 600, duration: 60 },
  /** Newcomers (new students, projectors) joining from one address: 40 per 10 s, bursts of 40 more per minute. */
  joinsPerAddress: { points: 40, duration: 10 },
  joinBurstPerAddress: { points: 40, duration: 60 },
  /** New students one game takes: 150 a minute (a class of 400 is in within about 3 minutes). */
  newStudentsPerGame: { points: 150, duration: 60 },
  /** Wrong join codes from one address (HTTP look-ups and joins): 30 a minute. */
  wrongCodesPerAddress: { points: 30, duration: 60 },
  /** Wrong teacher keys from one address (joins and HTTP): 20 per 15 minutes. */
  wrongKeysPerAddress: { points: 20, duration: 15 * 60 },
  /** Wrong teacher passcodes from one address: 10 per 15 minutes. */
  wrongPasscodesPerAddress: { points: 10, duration: 15 * 60 },
} as const;

/** The answer to "may this go through?": yes, or no with the seconds to wait. */
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

const verdictOf = (err: unknown): Verdict => {
  if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
  throw err;
};

/** Counts one event for `key`; resolves to a refusal once the key is over its limit. */
async function take(limiter: RateLimiterMemory | BurstyRateLimiter, key: string, points = 1): Promise<Verdict> {
  try {
    await limiter.consume(key, points);
    return { ok: true };
  } catch (err) {
    return verdictOf(err);
  }
}

/** A limit on failures (wrong codes, keys, passcodes): checking costs nothing, each failure counts. */
export class FailureLimit {
  private readonly limiter: RateLimiterMemory;
  constructor(options: { points: number; duration: number }, keyPrefix: string) {
    this.limiter = new RateLimiterMemory({ ...options, keyPrefix });
  }
  /** Whether `key` may try again now. */
  async allowed(key: string): Promise<Verdict> {
    const res = await this.limiter.get(key);
    if (res && res.remainingPoints <= 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    return { ok: true };
  }
  /** Counts one failure of `key`. */
  async failed(key: string): Promise<void> {
    await take(this.limiter, key);
  }
}

/** Every limiter of the process, made once by the server and shared by its rooms and routes. */
export class Guards {
  readonly messages = new BurstyRateLimiter(
    new RateLimiterMemory({ points: LIMITS.messagesPerSecond, duration: 1, keyPrefix: "msg" }),
    new RateLimiterMemory({ points: LIMITS.messageBurst, duration: 5, keyPrefix: "msg-burst" }),
  );
  readonly addressMessages = new RateLimiterMemory({ points: LIMITS.messagesPerAddressPerSecond, duration: 1, keyPrefix: "msg-addr" });
  readonly chat = new BurstyRateLimiter(
    new RateLimiterMemory({ points: LIMITS.chatPerSecond, duration: 1, keyPrefix: "chat" }),
    new RateLimiterMemory({ points: LIMITS.chatBurst, duration: 10, keyPrefix: "chat-burst" }),
  );
  readonly matchmakeRequests = new RateLimiterMemory({ ...LIMITS.matchmakePerAddress, keyPrefix: "matchmake" });
  readonly joins = new BurstyRateLimiter(
    new RateLimiterMemory({ ...LIMITS.joinsPerAddress, keyPrefix: "join" }),
    new RateLimiterMemory({ ...LIMITS.joinBurstPerAddress, keyPrefix: "join-burst" }),
  );
  readonly newStudents = new RateLimiterMemory({ ...LIMITS.newStudentsPerGame, keyPrefix: "new-student" });
  readonly wrongCodes = new FailureLimit(LIMITS.wrongCodesPerAddress, "wrong-code");
  readonly wrongKeys = new FailureLimit(LIMITS.wrongKeysPerAddress, "wrong-key");
  readonly wrongPasscodes = new FailureLimit(LIMITS.wrongPasscodesPerAddress, "wrong-passcode");

  /**
   * One message from a sender (`who`: a student, the teacher or a projector connection) at an address:
   * refused when either is over its limit.
   */
  async message(who: string, address: string): Promise<Verdict> {
    const byAddress = await take(this.addressMessages, address);
    if (!byAddress.ok) return byAddress;
    return take(this.messages, who);
  }

  /** One well-formed chat message from a sender (chat grows the log and everyone's history: its own, lower limit). */
  chatMessage(who: string): Promise<Verdict> {
    return take(this.chat, who);
  }

  /** One matchmaking request from an address. */
  matchmake(address: string): Promise<Verdict> {
    return take(this.matchmakeRequests, address);
  }

  /** One newcomer joining from an address. */
  join(address: string): Promise<Verdict> {
    return take(this.joins, address);
  }

  /** One new student in a game. */
  newStudent(code: string): Promise<Verdict> {
    return take(this.newStudents, code);
  }
}
