// The HTTP API from the pages, typed by shared/protocol/http.ts. Teacher
// requests carry the teacher key this browser holds. Errors come back as the
// server's sentence (or "The server cannot be reached."), never thrown.
import type { ApiErrorBody } from "../../../shared/protocol/http.js";

const TEACHER_KEY = "entente:teacherKey";

export const teacherKey = (): string | null => localStorage.getItem(TEACHER_KEY);
export const setTeacherKey = (key: string): void => localStorage.setItem(TEACHER_KEY, key);
export const forgetTeacherKey = (): void => localStorage.removeItem(TEACHER_KEY);

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiErrorBody["error"] };

/** A JSON request to /api; `teacher` adds the teacher key, `headers` any other (secrets go in headers, never in the path). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; teacher?: boolean; headers?: Record<string, string> } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const key = init.teacher ? teacherKey() : null;
  if (key) headers.authorization = `Bearer ${key}`;
  try {
    const res = await fetch(path, { method: init.method ?? "GET", headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    const body: unknown = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, status: res.status, body: body as T };
    const error = (body as Partial<ApiErrorBody>).error ?? { code: "http", message: `The server answered ${res.status}.` };
    return { ok: false, status: res.status, error };
  } catch {
    return { ok: false, status: 0, error: { code: "unreachable", message: "The server cannot be reached." } };
  }
}

/** Downloads a teacher export (CSV or the JSON log) as a file. Returns false when it failed. */
export async function download(path: string, filename: string): Promise<boolean> {
  const key = teacherKey();
  const res = await fetch(path, { headers: key ? { authorization: `Bearer ${key}` } : {} }).catch(() => null);
  if (!res || !res.ok) return false;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
  return true;
}
