// What the setup page says when a request fails: the server's own sentence
// (server/http/*.ts writes it for a teacher), or, when no sentence came back,
// what happened and what to do in plain words.
import type { ApiResult } from "../../common/api.js";

/** The sentence for a failed request. */
export function failureText(result: Extract<ApiResult<unknown>, { ok: false }>, doing: string): string {
  const { code, message } = result.error;
  if (code === "unreachable" || result.status === 0) {
    return `The server cannot be reached, so ${doing} did not happen. Check that Entente is still running on the computer that started it (its window must stay open) and that this device is on the same network, then try again.`;
  }
  if (code === "http") {
    return `The server could not answer (error ${result.status}), so ${doing} did not happen. Wait a moment and try again; if it goes on, restart Entente (Ctrl+C in its window, then npm start).`;
  }
  return message;
}

/** "1 state", "8 states". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
