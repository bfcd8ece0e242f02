// Inputs that save themselves. Every change a student makes to the team's
// draft is sent: after a short pause while typing, at once when they leave the
// field, change step or press "We are ready" (which first waits for these
// sends). Next to the input a polite status says "Saved" or, in the server's
// own words, why it was refused. Until the server has it, the change is kept
// in sessionStorage, so that a reload sends it after the rejoin; if a teammate
// saved something else meanwhile, the page says so instead of overwriting it.
import type { Reply } from "../common/connection.js";

/** How long typing may pause before the change is sent (ms). */
export const TYPING_DELAY_MS = 700;

/** A change not yet confirmed by the server, as kept across a reload. */
export interface StoredChange {
  /** What the student entered (encoded by the field). */
  value: string;
  /** The team's saved value when the student started changing it: if it is still that, nobody else saved meanwhile. */
  base: string;
}

interface StoredDrafts {
  state: string;
  round: number;
  fields: Record<string, StoredChange>;
}

/** The unsent changes of one game, in this tab's sessionStorage, for one state's round. */
export class DraftStore {
  constructor(private readonly code: string) {}

  private get key(): string {
    return `entente:draft:${this.code}`;
  }

  private read(): StoredDrafts | null {
    try {
      const raw = sessionStorage.getItem(this.key);
      return raw ? (JSON.parse(raw) as StoredDrafts) : null;
    } catch {
      return null;
    }
  }

  put(state: string, round: number, field: string, change: StoredChange): void {
    const stored = this.read();
    const fields = stored && stored.state === state && stored.round === round ? stored.fields : {};
    fields[field] = change;
    sessionStorage.setItem(this.key, JSON.stringify({ state, round, fields }));
  }

  drop(field: string): void {
    const stored = this.read();
    if (!stored) return;
    stored.fields = Object.fromEntries(Object.entries(stored.fields).filter(([name]) => name !== field));
    if (Object.keys(stored.fields).length === 0) sessionStorage.removeItem(this.key);
    else sessionStorage.setItem(this.key, JSON.stringify(stored));
  }

  /** The kept change of a field for this state's round, if any (changes of another round or state are forgotten). */
  take(state: string, round: number, field: string): StoredChange | null {
    const stored = this.read();
    if (!stored) return null;
    if (stored.state !== state || stored.round !== round) {
      sessionStorage.removeItem(this.key);
      return null;
    }
    return stored.fields[field] ?? null;
  }
}

export type SaveState = "idle" | "waiting" | "saving" | "saved" | "refused" | "problem";

export interface FieldSaverOptions<V> {
  /** The field's name in the store ("budget", "action"). */
  name: string;
  /** Where "Saved" or the reason goes (an aria-live="polite" element next to the inputs). */
  status: HTMLElement;
  /** What the inputs hold now. */
  read(): V;
  encode(value: V): string;
  /** Why this value cannot be sent yet (shown, and it is not sent while typing), or null. */
  problem(value: V): string | null;
  send(value: V): Promise<Reply>;
  /** The team's saved value now (encoded), and the state and round it belongs to; null when nothing can be saved. */
  saved(): { value: string; state: string; round: number } | null;
  store: DraftStore;
}

/** One group of inputs (the budget, the action) that saves itself. */
export class FieldSaver<V> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;
  private inflight: Promise<boolean> | null = null;
  private base: string | null = null;
  state: SaveState = "idle";

  constructor(private readonly o: FieldSaverOptions<V>) {}

  /** Whether the inputs hold something the server does not have yet (so a patch must not overwrite them). */
  dirty(): boolean {
    return this.pending || this.inflight !== null;
  }

  private show(state: SaveState, text: string): void {
    this.state = state;
    this.o.status.dataset.state = state;
    this.o.status.textContent = text;
  }

  /** Clears the status line (e.g. at a new round). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = false;
    this.base = null;
    this.show("idle", "");
  }

  /** The inputs now show the team's saved value (a teammate's change arrived): an old refusal no longer applies. */
  showsSaved(): void {
    if (this.state === "refused" || this.state === "problem") this.show("idle", "");
  }

  /** The inputs changed: keep the change, and send it after `delayMs` (0: at once) unless it is incomplete. */
  changed(delayMs = TYPING_DELAY_MS): void {
    const saved = this.o.saved();
    if (!saved) return;
    const value = this.o.read();
    const encoded = this.o.encode(value);
    this.base ??= saved.value;
    if (encoded === saved.value && !this.inflight) {
      // Back to what the team has saved: nothing to send.
      this.pending = false;
      this.base = null;
      this.o.store.drop(this.o.name);
      if (this.timer) clearTimeout(this.timer);
      this.show("saved", "Saved");
      return;
    }
    this.pending = true;
    this.o.store.put(saved.state, saved.round, this.o.name, { value: encoded, base: this.base });
    if (this.timer) clearTimeout(this.timer);
    const problem = this.o.problem(value);
    if (problem) {
      this.show("problem", `Not saved yet: ${problem}`);
      return;
    }
    this.show("waiting", "Saving…");
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  /**
   * Sends what is pending now (and waits for a send under way). Resolves true when the server has
   * everything the inputs hold, false when it refused (the status says why) or a change is incomplete.
   */
  async flush(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inflight) await this.inflight;
    if (!this.pending) return this.state !== "refused" && this.state !== "problem";
    const value = this.o.read();
    this.pending = false;
    this.inflight = (async () => {
      this.show("saving", "Saving…");
      const reply = await this.o.send(value);
      if (reply.ok) {
        this.base = null;
        this.o.store.drop(this.o.name);
        if (!this.pending) this.show("saved", "Saved");
        return true;
      }
      // Refused (the server's reason) or not sent (offline): the change stays kept for a retry after a reload.
      if (reply.code !== "offline" && reply.code !== "timeout") {
        this.base = null;
        this.o.store.drop(this.o.name);
      }
      this.show("refused", `Not saved: ${reply.message}`);
      return false;
    })();
    try {
      return await this.inflight;
    } finally {
      this.inflight = null;
    }
  }

  /**
   * After a (re)join: a change kept from before a reload. Sent if the team's value is still the one it
   * was made on; dropped if the team already has it; otherwise left unsent, and `conflict` is told
   * (the teammate's value and the kept one, encoded) so the page can say so.
   */
  restore(apply: (encoded: string) => void, conflict: (theirs: string, mine: string) => void): void {
    const saved = this.o.saved();
    if (!saved) return;
    const kept = this.o.store.take(saved.state, saved.round, this.o.name);
    if (!kept) return;
    if (kept.value === saved.value) {
      this.o.store.drop(this.o.name);
      return;
    }
    if (kept.base !== saved.value) {
      this.o.store.drop(this.o.name);
      conflict(saved.value, kept.value);
      return;
    }
    apply(kept.value);
    this.base = kept.base;
    this.pending = true;
    void this.flush().then((ok) => {
      if (ok) this.show("saved", "Saved (the change you made before the page reloaded)");
    });
  }
}
