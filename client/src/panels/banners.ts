// News nobody may miss, as banners at the top of the student's page: the
// current round's crises and the teacher's announcement (both from the
// synchronized state, so a reload or a late joiner sees them too), and what
// happened to the student's own seat: a move to another team, a computer
// player taking the team's seat, the seat coming back. Each banner can be
// dismissed on this device; a dismissed one stays dismissed after a reload
// (sessionStorage). Banners are added and removed one by one, never redrawn,
// so a live region announces only what is new.
import "./banners.css";
import { playedByBot } from "../../../shared/classroom/news.js";
import { announce, h, userText } from "../common/dom.js";
import { nameInTextOf, type Synced } from "../common/synced.js";

export interface BannerContext {
  code: string;
  /** The student's id once the server has said who they are. */
  studentId(): string | null;
}

interface Banner {
  key: string;
  /** alert: a crisis (urgent); status: the rest. */
  role: "alert" | "status";
  kind: "crisis" | "announcement" | "seat";
  /** The heading, with what a person typed isolated. */
  title: (string | HTMLElement)[];
  /** Its name on the dismiss button. */
  name: string;
  body: (string | HTMLElement)[];
  changes?: string[];
}

const BOT_TEXT = "A computer player is playing for your team until someone comes back.";

export function mountBanners(container: HTMLElement, ctx: BannerContext): { render(s: Synced): void } {
  const storeKey = `entente:dismissed:${ctx.code}`;
  const dismissed = new Set<string>(readDismissed(storeKey));
  const shown = new Map<string, HTMLElement>();
  /** What just happened to the student's seat (not in the state: it says what changed): the latest move, and the seat coming back. */
  let moved: Banner | null = null;
  let back: Banner | null = null;
  let movedRound = 0;
  let backRound = 0;
  let count = 0;
  let lastOwn: string | null | undefined;
  let lastControl: string | undefined;

  function dismiss(key: string): void {
    dismissed.add(key);
    sessionStorage.setItem(storeKey, JSON.stringify([...dismissed].slice(-200)));
    const el = shown.get(key);
    const next = el?.nextElementSibling?.querySelector("button") ?? el?.previousElementSibling?.querySelector("button");
    el?.remove();
    shown.delete(key);
    if (next instanceof HTMLElement) next.focus();
  }

  const seatBanner = (key: string, text: string): Banner => ({ key, role: "status", kind: "seat", title: [text], name: text, body: [] });

  /** Seat news, from what changed in the state since the last render; returns the student's current state. */
  function watchSeat(s: Synced): string | null {
    const id = ctx.studentId();
    if (!id) return null;
    const own = s.students.find((x) => x.id === id)?.state ?? null;
    const control = own ? s.states.find((x) => x.id === own)?.control : undefined;
    if (lastOwn !== undefined && own !== lastOwn && own !== null) {
      const text = `The teacher moved you to another team: you now play ${nameInTextOf(s, own)}.`;
      moved = seatBanner(`moved:${++count}`, text);
      movedRound = s.round;
      back = null;
      announce(text);
    } else if (lastOwn !== undefined && own === lastOwn && control !== lastControl) {
      if (playedByBot(control)) {
        back = null;
        dismissed.delete(`bot:${own}`);
        announce(BOT_TEXT);
      } else if (control === "team" && playedByBot(lastControl)) {
        const text = "Your team is yours again.";
        back = seatBanner(`back:${++count}`, text);
        backRound = s.round;
        announce(text);
      }
    }
    lastOwn = own;
    lastControl = control;
    return own;
  }

  /** Newest and most personal first: the seat news, the announcement, then the crises from the latest. */
  function bannersOf(s: Synced, own: string | null): Banner[] {
    const list: Banner[] = [];
    // What happened to the seat is news for the round it happened in.
    if (moved && movedRound !== s.round) moved = null;
    if (back && backRound !== s.round) back = null;
    if (moved) list.push(moved);
    // While a computer plays the team: also after a reload (unless dismissed).
    const control = own ? s.states.find((x) => x.id === own)?.control : undefined;
    if (own && playedByBot(control)) list.push(seatBanner(`bot:${own}`, BOT_TEXT));
    else if (back) list.push(back);
    if (s.announcement) {
      list.push({ key: `announcement:${s.announcementAt}`, role: "status", kind: "announcement", title: ["The teacher says"], name: "the teacher's announcement", body: [userText(s.announcement)] });
    }
    for (const c of [...s.crises].reverse()) {
      list.push({ key: `crisis:${c.id}`, role: "alert", kind: "crisis", title: ["Crisis: ", userText(c.title)], name: `crisis: ${c.title}`, body: [userText(c.text)], changes: c.changes });
    }
    return list;
  }

  function element(b: Banner): HTMLElement {
    const headingId = `banner-${b.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    return h(
      "div",
      { class: `banner banner-${b.kind}`, role: b.role, "aria-labelledby": headingId },
      h("div", { class: "banner-text" }, h("h2", { id: headingId }, ...b.title), b.body.length > 0 && h("p", {}, ...b.body), b.changes && b.changes.length > 0 && h("p", { class: "banner-changes-title" }, "What it changes:"), b.changes && b.changes.length > 0 && h("ul", { class: "banner-changes" }, ...b.changes.map((c) => h("li", {}, c)))),
      h("button", { type: "button", class: "secondary banner-dismiss", "aria-label": `Dismiss ${b.name}`, onclick: () => dismiss(b.key) }, "Dismiss"),
    );
  }

  return {
    render(s: Synced) {
      const own = watchSeat(s);
      const wanted = bannersOf(s, own).filter((b) => !dismissed.has(b.key));
      const keys = new Set(wanted.map((b) => b.key));
      for (const [key, el] of shown) {
        if (!keys.has(key)) {
          el.remove();
          shown.delete(key);
        }
      }
      // In order: each new banner goes after the one before it.
      let before: Element | null = null;
      for (const b of wanted) {
        let el = shown.get(b.key);
        if (!el) {
          el = element(b);
          shown.set(b.key, el);
          if (before) before.after(el);
          else container.prepend(el);
        }
        before = el;
      }
      container.hidden = shown.size === 0;
    },
  };
}

function readDismissed(key: string): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? "[]");
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
