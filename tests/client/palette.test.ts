// Colours, patterns, contrast, and the plain-data model of what the map draws.
import { describe, expect, it } from "vitest";
import { buildEdges, describeHappenings, describeMap, EDGE_STYLES, isBot } from "../../client/src/map/relations.js";
import {
  contrastRatio,
  inkOn,
  OKABE_ITO,
  PATTERNS,
  relativeLuminance,
  stateStyles,
  THEMES,
} from "../../client/src/map/palette.js";
import { crowdedStates, rivalView, scenarioStates } from "./fixtures.js";

describe("palette", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBeCloseTo(1, 5);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 5);
    expect(inkOn(OKABE_ITO.yellow)).toBe("#000000");
    expect(inkOn(OKABE_ITO.blue)).toBe("#FFFFFF");
  });

  it("gives the first states distinct patterns, and distinct colour + pattern pairs to the first 40", () => {
    const styles = [...stateStyles(crowdedStates(40)).values()];
    const firstPatterns = styles.slice(0, PATTERNS.length).map((s) => s.pattern);
    expect(new Set(firstPatterns).size).toBe(PATTERNS.length);
    const firstColors = styles.slice(0, 8).map((s) => s.color);
    expect(new Set(firstColors).size).toBe(8);
    expect(new Set(styles.map((s) => `${s.color}/${s.pattern}`)).size).toBe(40);
  });

  it("uses the colour-blind-safe palette unless asked for the scenario's colours", () => {
    const states = scenarioStates("rival-shores");
    const okabe = new Set<string>(Object.values(OKABE_ITO));
    for (const s of stateStyles(states).values()) expect(okabe.has(s.color)).toBe(true);
    const own = stateStyles(states, { useScenarioColors: true });
    expect(own.get("ATL")!.color).toBe("#1F77B4");
    // A missing or broken colour falls back to the palette.
    const mixed = stateStyles([
      { id: "A", color: "" },
      { id: "B", color: "red" },
    ], { useScenarioColors: true });
    expect(okabe.has(mixed.get("A")!.color)).toBe(true);
    expect(okabe.has(mixed.get("B")!.color)).toBe(true);
  });

  it("is the same for the same states in the same order (every page agrees)", () => {
    const a = stateStyles(scenarioStates("cold-war-1947"));
    const b = stateStyles(scenarioStates("cold-war-1947"));
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  for (const theme of Object.values(THEMES)) {
    it(`${theme.name} theme: label text at least 4.5:1, lines and marks at least 3:1`, () => {
      expect(contrastRatio(theme.text, theme.chip)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.mutedText, theme.chip)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.ownText, theme.own)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.bannerText, theme.bannerBackground)).toBeGreaterThanOrEqual(4.5);
      // Tags during the animation: banner text on the threat / attack colours.
      expect(contrastRatio(theme.bannerText, theme.attack)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.bannerText, theme.threat)).toBeGreaterThanOrEqual(4.5);
      for (const key of ["alliance", "offer", "attack", "threat", "betrayal", "selection", "own", "discOutline"] as const) {
        expect(contrastRatio(theme[key], theme.background), key).toBeGreaterThanOrEqual(3);
      }
      // Every state colour stands out from the background or has the outline to do it.
      for (const c of theme.colors) {
        expect(Math.max(contrastRatio(c, theme.background), contrastRatio(theme.discOutline, theme.background))).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it("draws patterns in the ink that contrasts most with the fill", () => {
    for (const s of stateStyles(crowdedStates(8)).values()) {
      expect(contrastRatio(s.ink, s.color)).toBeGreaterThanOrEqual(contrastRatio(s.ink === "#000000" ? "#FFFFFF" : "#000000", s.color));
    }
  });
});

describe("edges", () => {
  it("draws one line per alliance, one per offer, one arrow per deed", () => {
    const edges = buildEdges(rivalView());
    const count = (k: string) => edges.filter((e) => e.kind === k).length;
    expect(count("alliance")).toBe(2);
    expect(count("offer")).toBe(1);
    expect(count("offer-accepted")).toBe(1);
    expect(count("attack")).toBe(1);
    expect(count("threat")).toBe(1);
    expect(count("betrayal")).toBe(1);
  });

  it("gives each kind its own dash style, not only its own colour", () => {
    expect(EDGE_STYLES.alliance).toMatchObject({ dash: "solid", arrow: false });
    expect(EDGE_STYLES.offer.dash).toBe("dashed");
    expect(EDGE_STYLES["offer-accepted"].dash).toBe("long-dashed");
    expect(EDGE_STYLES.attack).toMatchObject({ dash: "solid", arrow: true });
    expect(EDGE_STYLES.attack.width).toBeGreaterThan(EDGE_STYLES.alliance.width);
    expect(EDGE_STYLES.threat).toMatchObject({ dash: "dashed", arrow: true });
    expect(EDGE_STYLES.betrayal).toMatchObject({ dash: "dotted", arrow: true });
  });

  it("drops duplicates, unknown states and self-loops; fades older deeds; spreads parallel edges into lanes", () => {
    const edges = buildEdges(
      rivalView({
        alliances: [
          ["ATL", "GAL"],
          ["GAL", "ATL"],
          ["ATL", "NOPE"],
          ["ATL", "ATL"],
        ],
        offers: [
          { from: "GAL", to: "ATL", accepted: false },
          { from: "GAL", to: "ATL", accepted: true },
        ],
        deeds: [
          { from: "GAL", to: "ATL", kind: "threat", round: 1 },
          { from: "GAL", to: "ATL", kind: "threat", round: 3 },
          { from: "BOR", to: "CAS", kind: "attack", round: 2 },
        ],
      }),
    );
    expect(edges.map((e) => `${e.kind}:${e.from}>${e.to}:${e.faded}`)).toEqual([
      "alliance:ATL>GAL:false",
      "offer-accepted:GAL>ATL:false",
      "threat:GAL>ATL:false",
      "attack:BOR>CAS:true",
    ]);
    const lanes = edges.filter((e) => [e.from, e.to].sort().join() === "ATL,GAL").map((e) => e.lane);
    expect(lanes).toEqual([-1, 0, 1]);
  });

  it("tells bots apart", () => {
    expect(isBot("team")).toBe(false);
    expect(isBot("empty")).toBe(false);
    expect(isBot("balance-of-power")).toBe(true);
    expect(isBot("random")).toBe(true);
  });
});

describe("text summaries", () => {
  it("summarises the map for screen readers", () => {
    const text = describeMap(rivalView());
    expect(text).toContain("Map of 8 states.");
    expect(text).toContain("You play Borealis.");
    expect(text).toContain("Alliances: Atlantia–Galicor, Caspia–Dravia.");
    expect(text).toContain("Borealis to Fjordia (accepted)");
    expect(text).toContain("Borealis attacked Caspia");
    expect(text).toContain("Selected: Caspia.");
    expect(describeMap({ ...rivalView(), states: [] })).toBe("Map: no states yet.");
  });

  it("keeps long lists short", () => {
    const states = crowdedStates(60);
    const alliances = states.slice(1).map((s) => [states[0]!.id, s.id] as [string, string]);
    const text = describeMap({ mapUrl: "", states, alliances, own: null, offers: [], deeds: [], selected: null });
    expect(text).toContain("and 49 more");
    expect(text.length).toBeLessThan(600);
  });

  it("summarises a round", () => {
    const names = new Map([
      ["BOR", "Borealis"],
      ["CAS", "Caspia"],
    ]);
    expect(
      describeHappenings(
        [
          { kind: "war", target: "CAS", attackers: ["BOR"], defenders: ["CAS"], winner: "defenders" },
          { kind: "crisis", title: "Oil shock" },
        ],
        names,
      ),
    ).toBe("Borealis attacked Caspia; the defenders won. Crisis: Oil shock.");
  });
});
