// What a student's browser remembers about the games it joined: the personal
// rejoin key (so that a closed tab, a reload or another day brings them back
// to their seat) and the nickname. Nothing else is stored.
export interface RememberedRejoin {
  code: string;
  nickname: string;
  rejoinKey: string;
  savedAt: number;
}

const KEY = "entente:seats";
const WEEK_MS = 7 * 24 * 3600 * 1000;

export function rememberedRejoins(): RememberedRejoin[] {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "[]") as RememberedRejoin[];
    return saved.filter((s) => Date.now() - s.savedAt < WEEK_MS);
  } catch {
    return [];
  }
}

export function rejoinFor(code: string): RememberedRejoin | undefined {
  return rememberedRejoins().find((s) => s.code === code);
}

export function rememberRejoin(entry: Omit<RememberedRejoin, "savedAt">): void {
  const others = rememberedRejoins().filter((s) => s.code !== entry.code);
  localStorage.setItem(KEY, JSON.stringify([{ ...entry, savedAt: Date.now() }, ...others].slice(0, 10)));
}

export function forgetRejoin(code: string): void {
  localStorage.setItem(KEY, JSON.stringify(rememberedRejoins().filter((s) => s.code !== code)));
}
