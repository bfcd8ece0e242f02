// The monitor: one row per state, so the teacher sees at a glance who is
// connected, who is ready, whose draft is complete and how each team's draft
// stands against the three theories (a tick per theory; the reasons open under
// the row with "Why"). States played by bots or by nobody are listed apart,
// dimmer, and never count as deciding (shared/classroom/readiness.ts).
// The table is rebuilt only when what it shows has changed, so focus and open
// rows survive the many state patches of a round.
import { countsAsDeciding } from "../../../shared/classroom/readiness.js";
import { draftGaps, type DraftFit } from "../../../shared/rules/draft-status.js";
import { THEORIES, type Theory } from "../../../shared/theory/world.js";
import { fill, h, userText } from "../common/dom.js";
import { controlLabel, THEORY_LABEL } from "../common/format.js";
import { membersOf, type Synced } from "../common/synced.js";
import { draftLine, theoryDetails } from "./theory-panel.js";

/** What one row shows, as plain data (compared to skip needless rebuilds). */
interface Row {
  id: string;
  name: string;
  control: string;
  deciding: boolean;
  members: { id: string; nickname: string; connected: boolean; muted: boolean }[];
  ready: boolean;
  gaps: string[];
  draft: string;
  fit: DraftFit | null;
  /** Where the ticks come from: this round's draft, or the last resolved round. */
  fitOf: "draft" | "last" | "none";
  why: string;
}

const GAP_WORDS: Record<string, string> = { budget: "budget", action: "action" };
const COLUMNS = 8;

function fitOfLast(s: Synced, id: string): DraftFit | null {
  const last = s.theory.get(id)?.last;
  if (!last) return null;
  return { "balance-of-power": last.matches.includes("balance-of-power"), "balance-of-threat": last.matches.includes("balance-of-threat"), bandwagon: last.matches.includes("bandwagon") };
}

function rowsOf(s: Synced): Row[] {
  return s.states.map((x) => {
    const team = s.teams.get(x.id);
    const members = membersOf(s, x.id).map((m) => ({ id: m.id, nickname: m.nickname, connected: m.connected, muted: m.muted }));
    const diplomacy = s.phase === "diplomacy";
    const fit = diplomacy ? (s.theory.get(x.id)?.draftFit ?? null) : s.phase === "lobby" ? null : fitOfLast(s, x.id);
    return {
      id: x.id,
      name: x.name,
      control: x.control,
      deciding: countsAsDeciding(x),
      members,
      ready: x.ready,
      gaps: team ? draftGaps(team) : [],
      draft: draftLine(s, x.id),
      fit,
      fitOf: fit === null ? "none" : diplomacy ? "draft" : "last",
      why: theoryDetails(s, x.id).textContent,
    };
  });
}

const TICK: Record<"yes" | "no" | "none", { mark: string; words: string; cls: string }> = {
  yes: { mark: "✓", words: "fits", cls: "fit-yes" },
  no: { mark: "✗", words: "does not fit", cls: "fit-no" },
  none: { mark: "–", words: "no prediction", cls: "fit-none" },
};

function tick(row: Row, theory: Theory): HTMLElement {
  const value = row.fit?.[theory];
  const kind = value === true ? "yes" : value === false ? "no" : "none";
  const t = TICK[kind];
  const of = row.fitOf === "last" ? " (last round)" : row.fitOf === "draft" ? " (this round's draft)" : "";
  const words = row.fitOf === "none" ? "nothing drafted yet" : `${t.words}${of}`;
  return h(
    "td",
    { class: "tick-cell" },
    h(
      "span",
      { class: `tick ${t.cls}`, tabindex: 0, "data-tip": `${THEORY_LABEL[theory]}: ${words}` },
      h("span", { "aria-hidden": "true" }, row.fitOf === "none" ? "·" : t.mark),
      h("span", { class: "visually-hidden" }, `${THEORY_LABEL[theory]}: ${words}`),
    ),
  );
}

function memberList(row: Row): HTMLElement {
  if (row.members.length === 0) return h("span", { class: "muted" }, "No students");
  return h(
    "ul",
    { class: "members" },
    ...row.members.map((m) =>
      h(
        "li",
        { class: m.connected ? "online" : "away" },
        h("span", { class: "dot", "aria-hidden": "true" }, m.connected ? "●" : "○"),
        userText(m.nickname),
        h("span", { class: "visually-hidden" }, m.connected ? " online" : " away"),
        m.muted ? h("span", { class: "muted" }, " (muted)") : null,
      ),
    ),
  );
}

function readyCell(s: Synced, row: Row): HTMLElement {
  if (!row.deciding) return h("td", { class: "muted" }, row.control === "team" ? "not counted" : "–");
  if (s.phase !== "diplomacy") return h("td", { class: "muted" }, "–");
  return h("td", {}, row.ready ? h("span", { class: "pill ok" }, "✓ ready") : h("span", { class: "pill warn" }, "deciding"));
}

function draftCell(s: Synced, row: Row): HTMLElement {
  const status =
    s.phase !== "diplomacy" || row.control !== "team"
      ? null
      : row.gaps.length === 0
        ? h("span", { class: "draft-ok" }, "✓ complete")
        : h("span", { class: "draft-missing" }, `missing: ${row.gaps.map((g) => GAP_WORDS[g] ?? g).join(", ")}`);
  return h("td", { class: "draft" }, status, status ? " · " : null, h("span", { class: "muted" }, row.draft));
}

/** Which rows are open ("Why"), per grid. */
const openRows = new WeakMap<HTMLElement, Set<string>>();
const shown = new WeakMap<HTMLElement, string>();

export function renderTeamGrid(box: HTMLElement, s: Synced): void {
  const rows = rowsOf(s);
  const key = JSON.stringify([s.phase, rows]);
  if (shown.get(box) === key) return;
  shown.set(box, key);
  let open = openRows.get(box);
  if (!open) openRows.set(box, (open = new Set()));
  const opened = open;

  const body = (list: Row[]) =>
    list.flatMap((row) => {
      const whyId = `why-${row.id}`;
      const detail = h("tr", { class: "why", id: whyId, hidden: !opened.has(row.id) }, h("td", { colspan: COLUMNS }, theoryDetails(s, row.id)));
      const toggle = h(
        "button",
        {
          type: "button",
          class: "small secondary",
          "aria-expanded": opened.has(row.id) ? "true" : "false",
          "aria-controls": whyId,
          "aria-label": `Why: the theories' reasons for ${row.name}`,
          onclick: () => {
            const now = !opened.has(row.id);
            if (now) opened.add(row.id);
            else opened.delete(row.id);
            detail.hidden = !now;
            toggle.setAttribute("aria-expanded", now ? "true" : "false");
          },
        },
        "Why",
      );
      const tr = h(
        "tr",
        { class: row.control === "team" ? "team-row" : "bot-row", "data-state": row.id },
        h("th", { scope: "row" }, row.name),
        h("td", {}, row.control === "team" ? memberList(row) : h("span", {}, controlLabel(row.control))),
        readyCell(s, row),
        draftCell(s, row),
        ...THEORIES.map((t) => tick(row, t)),
        h("td", {}, toggle),
      );
      return [tr, detail];
    });

  const teams = rows.filter((r) => r.control === "team");
  const others = rows.filter((r) => r.control !== "team");
  const fitHeading = s.phase === "diplomacy" ? "Draft fits" : s.phase === "lobby" ? "Fits" : "Last round fit";
  fill(
    box,
    h("h2", { id: "grid-title" }, "Teams at a glance"),
    h(
      "p",
      { class: "muted legend" },
      "● online, ○ away. Ticks: ✓ the draft fits the theory's prediction, ✗ it does not, – the theory predicts nothing for this state. Hover or focus a tick for its words; \"Why\" opens the reasons.",
    ),
    h(
      "table",
      { class: "team-grid" },
      h("caption", { class: "visually-hidden" }, "Each state: its students, whether its team is ready, whether its draft is complete, and whether the draft fits each theory"),
      h(
        "colgroup",
        {},
        h("col", { class: "c-team" }),
        h("col", { class: "c-members" }),
        h("col", { class: "c-ready" }),
        h("col", { class: "c-draft" }),
        h("col", { class: "c-tick" }),
        h("col", { class: "c-tick" }),
        h("col", { class: "c-tick" }),
        h("col", { class: "c-why" }),
      ),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "State"),
          h("th", { scope: "col" }, "Students"),
          h("th", { scope: "col" }, "Ready"),
          h("th", { scope: "col" }, "Draft"),
          ...THEORIES.map((t) => h("th", { scope: "col", class: "tick-head" }, h("span", { class: "visually-hidden" }, `${fitHeading}: `), THEORY_LABEL[t])),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Reasons")),
        ),
      ),
      h("tbody", { class: "teams-group" }, ...body(teams)),
      others.length === 0
        ? null
        : h(
            "tbody",
            { class: "bots-group" },
            h("tr", { class: "group-head" }, h("th", { scope: "colgroup", colspan: COLUMNS }, `Played by bots or nobody (${others.length}): not counted as deciding or ready`)),
            ...body(others),
          ),
    ),
  );
}
