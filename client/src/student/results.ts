// The Results panel: what happened this round, the score by round, the
// team's alignments against the theories (with the reasons when the teacher
// shows them), the theories' predictions now, the secret theory in challenge
// mode, the guesses, and at the end the report card's reflection question.
import "./theories.css";
import type { ReportCard } from "../../../shared/report/card.js";
import { THEORY_MATCH_POINTS, WAR_LOSS_POINTS, WAR_WIN_POINTS } from "../../../shared/rules/tuning.js";
import { THEORIES, type Theory } from "../../../shared/theory/world.js";
import { fill, h, sentence, type TextPart } from "../common/dom.js";
import { num1, THEORY_LABEL } from "../common/format.js";
import { nameOf, type Synced, type SyncedTeam } from "../common/synced.js";
import { fetchCard } from "../panels/report-card.js";
import type { Panel, StudentContext } from "./context.js";
import { glossaryButton } from "./glossary.js";
import { redrawKeepingFocus } from "./focus.js";
import { theoryCardList } from "./theory-cards.js";

export interface ResultsOptions {
  /** This round's news, in words (in parts: what people typed is shown isolated). */
  news: () => readonly (readonly TextPart[])[];
  /** The student's rejoin key, to fetch the report card at the end. */
  rejoinKey: () => string | null;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

export function mountResults(panel: HTMLElement, ctx: StudentContext, options: ResultsOptions): Panel & { refresh(): void } {
  let endCard: ReportCard | null = null;
  let endCardAsked = false;
  /** Earlier rounds whose plain-words cards the student opened (the panel is redrawn on every update). */
  const openRounds = new Set<number>();

  function guessForm(s: Synced, id: string, t: SyncedTeam | undefined): HTMLElement {
    const guesses = t?.guesses ?? {};
    const others = s.states.filter((x) => x.id !== id && x.control === "team");
    return h(
      "section",
      { class: "card", "aria-labelledby": "guess-title" },
      h("h2", { id: "guess-title" }, "Guess the other teams' secret theories"),
      others.length === 0
        ? h("p", {}, "No other team to guess.")
        : h(
            "ul",
            {},
            ...others.map((x) => {
              const select = h(
                "select",
                { id: `guess-${x.id}`, onchange: (e: Event) => void ctx.act("guess", { about: x.id, theory: (e.target as HTMLSelectElement).value as Theory }) },
                h("option", { value: "", disabled: true, selected: !guesses[x.id] }, "(your guess)"),
                ...THEORIES.map((th) => h("option", { value: th, selected: guesses[x.id] === th }, THEORY_LABEL[th])),
              );
              return h("li", {}, h("label", { for: select.id }, `${x.name}: `), select);
            }),
          ),
    );
  }

  function render(s: Synced) {
    const id = ctx.own();
    if (!id) return;
    const t = ctx.team();
    const scores = t?.scores ?? [];
    const rounds = t?.rounds ?? [];
    const theory = s.theory.get(id);
    const name = (x: string) => nameOf(s, x);
    const parts: HTMLElement[] = [];
    if (s.phase === "ended") {
      const ranking = [...s.states].sort((a, b) => b.score - a.score);
      parts.push(
        h("h2", {}, `Report card: ${name(id)}`),
        h("p", {}, `Final score ${num1(scores.reduce((sum, l) => sum + l.total, 0))}, rank ${ranking.findIndex((x) => x.id === id) + 1} of ${ranking.length}.`),
      );
      const key = options.rejoinKey();
      if (endCard) parts.push(h("h3", {}, "To think about"), h("p", { class: "card reflection" }, endCard.reflection));
      else if (!endCardAsked && key) {
        endCardAsked = true;
        void fetchCard(ctx.code, key).then((card) => {
          endCard = card;
          const latest = ctx.synced();
          if (card && latest) render(latest);
        });
      }
    }
    const news = options.news();
    if (news.length > 0) parts.push(h("h2", {}, "What happened"), h("ul", {}, ...news.map((n) => h("li", {}, ...sentence(n)))));
    const lastRound = rounds[rounds.length - 1];
    if (lastRound) {
      parts.push(
        h("div", { class: "theories-head" }, h("h2", { id: "plain-title" }, `Round ${lastRound.round}: the theories in plain words`), glossaryButton()),
        lastRound.cards
          ? h("section", { class: "plain-words", "aria-labelledby": "plain-title" }, theoryCardList(lastRound.cards))
          : h("p", { class: "muted" }, "Your teacher has hidden what the theories predicted for now."),
      );
    }
    if (scores.length > 0) {
      const cell = (x: number) => h("td", { class: "num" }, num1(x));
      // Theory points are scored only in the theory challenge: the column would be all zeros otherwise (and too wide for a phone).
      const challenge = s.scoring === "challenge";
      parts.push(
        h("h2", {}, "Your score"),
        h(
          "table",
          { class: "score-table" },
          h("caption", { class: "visually-hidden" }, "Score by round"),
          h(
            "thead",
            {},
            h("tr", {}, h("th", {}, "Round"), h("th", { class: "num" }, "Total"), h("th", { class: "num" }, "Prosperity"), h("th", { class: "num" }, "Security"), h("th", { class: "num" }, "War"), challenge ? h("th", { class: "num" }, "Theory") : null),
          ),
          h("tbody", {}, ...scores.map((l) => h("tr", {}, h("th", { scope: "row" }, String(l.round)), cell(l.total), cell(l.prosperity), cell(l.security), cell(l.war), challenge ? cell(l.theory) : null))),
        ),
        h(
          "p",
          { class: "muted" },
          `Prosperity: your economy against where you started. Security: your defence (with allies' help) against the strongest force that could reach you. War: ${signed(WAR_WIN_POINTS)} won, ${signed(WAR_LOSS_POINTS)} lost.`,
        ),
      );
    }
    if (rounds.length > 0) {
      parts.push(
        h("h2", {}, "Your alliances round by round"),
        h(
          "ul",
          { class: "earlier-rounds" },
          ...rounds.map((r) =>
            h(
              "li",
              {},
              h("strong", {}, `Round ${r.round}: `),
              r.alone
                ? "you stood alone."
                : `allies ${r.allies.map(name).join(", ") || "none"}${r.offers.length ? `, offers to ${r.offers.map(name).join(", ")}` : ""}: matched ${r.matches.map((m) => THEORY_LABEL[m]).join(", ") || "no theory"}.`,
              r.divergent ? " (The theories disagreed for you.)" : "",
              r.cards && r !== lastRound
                ? h(
                    "details",
                    { open: openRounds.has(r.round), ontoggle: (e: Event) => (e.target as HTMLDetailsElement).open ? openRounds.add(r.round) : openRounds.delete(r.round) },
                    h("summary", {}, `Round ${r.round}: the theories in plain words`),
                    theoryCardList(r.cards, "h4"),
                  )
                : null,
            ),
          ),
        ),
      );
    }
    // During a round: what the theories predict now (after it, the plain-words cards above say it for the round just played).
    if (theory && s.phase === "diplomacy") {
      parts.push(
        h("h2", {}, "What the theories predict for you now"),
        h("ul", {}, h("li", {}, `Balance of power: ${theory.balanceOfPower}`), h("li", {}, `Balance of threat: ${theory.balanceOfThreat}`), h("li", {}, `Bandwagoning: ${theory.bandwagon}`)),
      );
    }
    if (t?.role) parts.push(h("p", { class: "card" }, `Your secret theory: ${THEORY_LABEL[t.role]}. Play it: ${signed(THEORY_MATCH_POINTS)} points each round your alliances match it.`));
    if (s.scoring === "challenge" && (s.phase === "review" || s.phase === "ended")) parts.push(guessForm(s, id, t));
    if (parts.length === 0) parts.push(h("p", {}, "Results appear here after each round."));
    redrawKeepingFocus(panel, () => fill(panel, ...parts));
  }

  return {
    render,
    refresh() {
      const s = ctx.synced();
      if (s) render(s);
    },
  };
}
