// The Phaser map scene, headless in jsdom (see setup-phaser.ts), and mountMap.
// Kept in one file: importing Phaser costs seconds per file.
import Phaser from "../../client/src/map/phaser.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ANIMATION_MAX_MS } from "../../client/src/map/animation.js";
import { EDGE_STYLES } from "../../client/src/map/relations.js";
import { mountMap, themeFor, type MapParent } from "../../client/src/map/mount.js";
import { MapScene } from "../../client/src/map/scene.js";
import type { MapHappening } from "../../client/src/map/types.js";
import type { GeoLayout } from "../../client/src/map/geo-layout.js";
import { toScreen } from "../../client/src/map/view-transform.js";
import { crowdedStates, gridGeometry, rivalView } from "./fixtures.js";
import { bootScene, type Booted } from "./helpers.js";

let h: Booted<MapScene> | undefined;
afterEach(() => {
  h?.destroy();
  h = undefined;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const named = <T extends Phaser.GameObjects.GameObject>(scene: Phaser.Scene, prefix: string) =>
  scene.children.list.filter((o) => o.name.startsWith(prefix)) as T[];
const graphics = (scene: Phaser.Scene, name: string) =>
  scene.children.getByName(name) as Phaser.GameObjects.Graphics;

async function boot(options: ConstructorParameters<typeof MapScene>[0] = { interactive: true }) {
  h = await bootScene(new MapScene(options));
  return h;
}

describe("MapScene drawing", () => {
  it("draws one disc and one label per state, every disc on screen", async () => {
    const { scene } = await boot();
    scene.setView(rivalView());
    expect(scene.sprites.size).toBe(8);
    expect(named(scene, "disc:")).toHaveLength(8);
    expect(named(scene, "label:")).toHaveLength(8);
    for (const sprite of scene.sprites.values()) {
      const { x, y, r } = sprite.disc;
      expect(x - r).toBeGreaterThanOrEqual(0);
      expect(y - r).toBeGreaterThanOrEqual(0);
      expect(x + r).toBeLessThanOrEqual(800);
      expect(y + r).toBeLessThanOrEqual(600);
      expect(sprite.chip.visible).toBe(true);
      expect(sprite.idText.text).toContain(sprite.id);
    }
    expect(scene.sprites.get("ATL")!.disc.r).toBeGreaterThan(scene.sprites.get("WES")!.disc.r);
    expect(graphics(scene, "discs").commandBuffer.length).toBeGreaterThan(0);
    // Patterns differ between the first states (colour is not the only cue).
    const patterns = new Set(rivalView().states.slice(0, 5).map((s) => scene.sprites.get(s.id)!.style.pattern));
    expect(patterns.size).toBe(5);
  });

  it("draws one line per alliance, dashed offers, and arrows for deeds", async () => {
    const { scene } = await boot();
    scene.setView(rivalView());
    const kinds = scene.edges.map((e) => `${e.kind}:${e.from}>${e.to}`).sort();
    expect(kinds).toEqual(
      [
        "alliance:ATL>GAL",
        "alliance:CAS>DRV",
        "offer:BOR>ELM",
        "offer-accepted:BOR>FJO",
        "attack:BOR>CAS",
        "threat:BOR>DRV",
        "betrayal:GAL>ATL",
      ].sort(),
    );
    for (const e of scene.edges) {
      const style = EDGE_STYLES[e.kind];
      if (e.kind === "offer") expect(style.dash).toBe("dashed");
      if (e.kind !== "alliance") expect(style.arrow).toBe(true);
    }
    expect(graphics(scene, "links").commandBuffer.length).toBeGreaterThan(0);
    expect(graphics(scene, "deeds").commandBuffer.length).toBeGreaterThan(0);
    scene.setView(rivalView({ alliances: [], offers: [], deeds: [] }));
    expect(scene.edges).toHaveLength(0);
    expect(graphics(scene, "links").commandBuffer).toHaveLength(0);
    expect(graphics(scene, "deeds").commandBuffer).toHaveLength(0);
  });

  it("marks the own state (outline and YOU), bot-played states, and the selection", async () => {
    const { scene } = await boot();
    scene.setView(rivalView());
    expect(scene.marks).toEqual({ own: "BOR", selected: "CAS" });
    expect(scene.sprites.get("BOR")!.idText.text).toBe("YOU · BOR");
    expect(scene.sprites.get("CAS")!.idText.text).toBe("CAS");
    expect(scene.sprites.get("FJO")!.botText?.text).toBe("bot");
    expect(scene.sprites.get("BOR")!.botText).toBeNull();
    const marks = graphics(scene, "marks").commandBuffer.length;
    expect(marks).toBeGreaterThan(0);
    scene.setView(rivalView({ own: null, selected: null }));
    expect(scene.marks).toEqual({ own: null, selected: null });
    expect(graphics(scene, "marks").commandBuffer).toHaveLength(0);
    expect(scene.sprites.get("BOR")!.idText.text).toBe("BOR");
    // An unknown id marks nothing.
    scene.setView(rivalView({ own: "NOPE", selected: "NOPE" }));
    expect(scene.marks).toEqual({ own: null, selected: null });
  });

  it("redraws only when the view changes (update is idempotent)", async () => {
    const { scene } = await boot();
    scene.setView(rivalView());
    const before = scene.redraws;
    const buffer = graphics(scene, "links").commandBuffer.length;
    scene.setView(rivalView()); // equal, not identical
    scene.setView(rivalView());
    expect(scene.redraws).toBe(before);
    expect(graphics(scene, "links").commandBuffer.length).toBe(buffer);
    scene.setView(rivalView({ selected: "ELM" }));
    expect(scene.redraws).toBe(before + 1);
    expect(scene.marks.selected).toBe("ELM");
    // States that leave the view lose their objects.
    const view = rivalView();
    scene.setView({ ...view, states: view.states.filter((s) => s.id !== "WES") });
    expect(scene.sprites.size).toBe(7);
    expect(named(scene, "disc:")).toHaveLength(7);
    expect(scene.children.getByName("disc:WES")).toBeNull();
  });

  it("applies a view given before the scene was created", async () => {
    const scene = new MapScene({ interactive: false });
    scene.setView(rivalView());
    h = await bootScene(scene);
    expect(scene.sprites.size).toBe(8);
  });

  it("re-lays out when the canvas is resized (phone to projector)", async () => {
    const { scene, game } = await boot();
    scene.setView(rivalView());
    for (const [w, hgt] of [
      [360, 518],
      [1920, 1080],
    ] as const) {
      game.scale.resize(w, hgt);
      expect(scene.viewSize).toEqual({ width: w, height: hgt });
      for (const sprite of scene.sprites.values()) {
        const { x, y, r } = sprite.disc;
        expect(x - r >= 0 && x + r <= w && y - r >= 0 && y + r <= hgt, `${sprite.id} at ${w}x${hgt}`).toBe(true);
        const chip = sprite.label!;
        expect(chip.x >= 0 && chip.x + chip.width <= w && chip.y >= 0 && chip.y + chip.height <= hgt).toBe(true);
      }
      // Names only where there is room.
      expect(scene.sprites.get("ATL")!.nameText !== null).toBe(w >= 560);
    }
  });

  it("draws in CSS pixels at any device pixel ratio", async () => {
    const { scene, game } = await boot();
    scene.setView(rivalView());
    const at1 = scene.statePoint("ATL")!;
    scene.setPixelRatio(2);
    game.scale.resize(1600, 1200); // the canvas in device pixels
    expect(scene.viewSize).toEqual({ width: 800, height: 600 });
    expect(scene.cameras.main.zoom).toBe(2);
    expect(scene.statePoint("ATL")).toEqual(at1);
    expect((scene.sprites.get("ATL")!.idText.style as unknown as { resolution: number }).resolution).toBe(2);
  });

  it("copes with 400 states", async () => {
    const { scene } = await boot();
    const states = crowdedStates(400);
    scene.setView({ mapUrl: "", states, alliances: [[states[0]!.id, states[1]!.id]], own: states[5]!.id, offers: [], deeds: [], selected: states[9]!.id });
    expect(named(scene, "disc:")).toHaveLength(400);
    expect(scene.sprites.get(states[5]!.id)!.chip.visible).toBe(true);
    expect(scene.sprites.get(states[9]!.id)!.chip.visible).toBe(true);
  });

  it("shows a legend of the line styles when asked (the projector)", async () => {
    const { scene } = await boot({ interactive: false, large: true });
    scene.setView(rivalView());
    const legend = scene.children.getByName("legend") as Phaser.GameObjects.Container;
    expect(legend).not.toBeNull();
    const texts = legend.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text).map((t) => t.text);
    expect(texts).toEqual(["alliance", "offer", "offer accepted", "threat", "attack", "betrayal"]);
    for (const sprite of scene.sprites.values()) expect(sprite.disc.y + sprite.disc.r).toBeLessThanOrEqual(legend.y);
    // Only the kinds on the map (the alliance line always).
    scene.setView(rivalView({ offers: [], deeds: [{ from: "BOR", to: "CAS", kind: "attack", round: 2 }] }));
    const now = scene.children.getByName("legend") as Phaser.GameObjects.Container;
    expect(now.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text).map((t) => t.text)).toEqual([
      "alliance",
      "attack",
    ]);
  });
});

describe("MapScene selection", () => {
  it("finds the state under a tap by its label, then its disc (22 px around at least)", async () => {
    const { scene } = await boot({ interactive: true });
    scene.setView(rivalView());
    const elm = scene.sprites.get("ELM")!;
    expect(scene.stateAt(elm.disc.x, elm.disc.y)).toBe("ELM");
    // A small disc is still hit 20 px from its centre (a finger), where no other state is.
    if (elm.disc.r < 20) {
      const around = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2].map((a) => [elm.disc.x + Math.cos(a) * 20, elm.disc.y + Math.sin(a) * 20] as const);
      expect(around.some(([x, y]) => scene.stateAt(x, y) === "ELM")).toBe(true);
    }
    const gal = scene.sprites.get("GAL")!.label!;
    expect(scene.stateAt(gal.x + gal.width / 2, gal.y + gal.height / 2)).toBe("GAL");
    expect(scene.stateAt(-50, -50)).toBeNull();
  });

  it("counts a tap once (the emulated mouse event after a touch)", async () => {
    const { scene } = await boot({ interactive: true });
    scene.setView(rivalView());
    const selected: string[] = [];
    scene.setSelectCallback((id) => selected.push(id));
    scene.select("ELM");
    scene.select("ELM");
    scene.select("GAL");
    expect(selected).toEqual(["ELM", "GAL"]);
  });

  it("does not reach beyond a disc when not interactive", async () => {
    const { scene } = await boot({ interactive: false });
    scene.setView(rivalView());
    const elm = scene.sprites.get("ELM")!.disc;
    expect(scene.stateAt(elm.x + elm.r + 8, elm.y)).not.toBe("ELM");
  });
});

describe("MapScene on a geographic map", () => {
  it("draws land, territories and borders, puts each marker at its territory's marker point, and credits the source", async () => {
    const { scene } = await boot({ interactive: true });
    scene.setView(rivalView());
    scene.setGeometry(gridGeometry());
    expect(scene.groundGraphics.base.commandBuffer.length).toBeGreaterThan(0);
    const layout = scene.layout as GeoLayout;
    for (const [id, [mx, my]] of Object.entries(gridGeometry().markers)) {
      const [sx, sy] = toScreen(layout.transform, mx, my);
      const d = scene.sprites.get(id)!.disc;
      // Markers sit on their point unless nudged off a neighbour by a few px.
      expect(Math.hypot(d.x - sx, d.y - sy)).toBeLessThan(d.r + 4);
    }
    const credit = scene.children.getByName("credit") as Phaser.GameObjects.Text;
    expect(credit.visible).toBe(true);
    expect(credit.text).toContain("Invented geography");
    // The own and selected territories are outlined.
    expect(scene.groundGraphics.marks.commandBuffer.length).toBeGreaterThan(0);
  });

  it("selects a state by tapping anywhere in its territory, not only its marker", async () => {
    const { scene } = await boot({ interactive: true });
    scene.setView(rivalView());
    scene.setGeometry(gridGeometry());
    const layout = scene.layout as GeoLayout;
    // Corner of GAL's square (index 6: third column, second row), far from its marker and label.
    const [x, y] = toScreen(layout.transform, 405, 345);
    const gal = scene.sprites.get("GAL")!;
    expect(Math.hypot(gal.disc.x - x, gal.disc.y - y)).toBeGreaterThan(22);
    expect(scene.stateAt(x, y)).toBe(scene.view.states[6]!.id);
    // The sea between territories is nobody's.
    const [sx, sy] = toScreen(layout.transform, 195, 20);
    expect(scene.stateAt(sx, sy)).toBeNull();
  });

  it("zooms and pans within limits, hides the labels of states out of sight, and resets with new geometry", async () => {
    const { scene } = await boot({ interactive: true });
    scene.setView(rivalView());
    scene.setGeometry(gridGeometry());
    const whole = (scene.layout as GeoLayout).transform.scale;
    const area = scene.mapRect;
    scene.setZoom({ k: 4, x: -(area.x + area.width) * 3, y: -(area.y + area.height) * 3 }); // the bottom-right corner
    const z = scene.zoom;
    expect(z.k).toBe(4);
    expect((scene.layout as GeoLayout).transform.scale).toBeCloseTo(whole * 4);
    // Zoomed into the bottom-right corner, the first state (top-left) is out of sight: its label is not drawn.
    const first = scene.sprites.get(scene.view.states[0]!.id)!;
    expect(first.disc.x < area.x || first.disc.y < area.y).toBe(true);
    expect(first.chip.visible).toBe(false);
    scene.setZoom({ k: 100, x: 0, y: 0 });
    expect(scene.zoom.k).toBe(8);
    scene.setGeometry({ ...gridGeometry() });
    expect(scene.zoom).toEqual({ k: 1, x: 0, y: 0 });
  });
});

describe("MapScene round animation", () => {
  const round: MapHappening[] = [
    { kind: "crisis", title: "Borealis mobilises" },
    { kind: "allianceFormed", a: "BOR", b: "ELM" },
    { kind: "allianceLeft", by: "GAL", ally: "ATL" },
    { kind: "threat", from: "BOR", to: "FJO", yielded: true },
    { kind: "war", target: "CAS", attackers: ["BOR"], defenders: ["CAS", "DRV"], winner: "defenders" },
  ];

  it("plays the round in under 3 s and resolves", async () => {
    const { scene, step } = await boot();
    scene.setView(rivalView());
    let done = false;
    const promise = scene.playRound(round).then(() => {
      done = true;
    });
    expect(scene.animating).toBe(true);
    expect(scene.children.getByName("crisis-banner")).not.toBeNull();
    // The alliance being broken is drawn by the animation, not by the static map.
    expect(scene.edges.some((e) => e.kind === "alliance" && e.from === "ATL")).toBe(false);
    step(16, 1); // first frame: the timeline starts
    step(100, 10);
    expect(graphics(scene, "animation").commandBuffer.length).toBeGreaterThan(0);
    await Promise.resolve();
    expect(done).toBe(false);
    step(100, 20); // 3 s of frames
    await promise;
    expect(done).toBe(true);
    expect(scene.animating).toBe(false);
    expect(scene.children.getByName("crisis-banner")).toBeNull();
    expect(graphics(scene, "animation").commandBuffer).toHaveLength(0);
    expect(scene.edges.some((e) => e.kind === "alliance" && e.from === "ATL")).toBe(true);
    expect(ANIMATION_MAX_MS).toBeLessThanOrEqual(3000);
  });

  it("resolves at once when there is nothing to show", async () => {
    const { scene } = await boot();
    scene.setView(rivalView());
    await scene.playRound([]);
    await scene.playRound([{ kind: "allianceFormed", a: "NOPE", b: "ALSO" }]);
    expect(scene.animating).toBe(false);
  });

  it("a new round ends the previous animation", async () => {
    const { scene, step } = await boot();
    scene.setView(rivalView());
    let first = false;
    void scene.playRound(round).then(() => {
      first = true;
    });
    step(16, 2);
    const second = scene.playRound([{ kind: "crisis", title: "Again" }]);
    await Promise.resolve();
    expect(first).toBe(true);
    expect(named(scene, "crisis-banner")).toHaveLength(1);
    step(16, 1);
    step(100, 30);
    await second;
  });
});

describe("mountMap", () => {
  it("picks the dark theme on a dark page background, the light one otherwise", () => {
    const outer = document.createElement("div");
    const inner = document.createElement("div");
    outer.appendChild(inner);
    document.body.appendChild(outer);
    try {
      expect(themeFor(inner)).toBe("light");
      outer.style.backgroundColor = "#18212b";
      expect(themeFor(inner)).toBe("dark");
      inner.style.backgroundColor = "rgba(255, 255, 255, 0.9)";
      expect(themeFor(inner)).toBe("light");
    } finally {
      outer.remove();
    }
  });

  function parentOfSize(width: number, height: number): MapParent {
    const parent = document.createElement("div") as MapParent;
    parent.getBoundingClientRect = () =>
      ({ x: 0, y: 0, left: 0, top: 0, width, height, right: width, bottom: height, toJSON: () => ({}) });
    document.body.appendChild(parent);
    return parent;
  }

  async function until(check: () => boolean, ms = 10_000): Promise<void> {
    const t0 = Date.now();
    while (!check()) {
      if (Date.now() - t0 > ms) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it("mounts a game into the parent, labels the canvas, and cleans up", async () => {
    const parent = parentOfSize(800, 600);
    const map = mountMap(parent, { interactive: true });
    try {
      expect(parent.ententeMap).toBe(map);
      map.update(rivalView()); // before the scene exists: kept and drawn on creation
      await until(() => parent.dataset.mapReady === "true");
      expect(parent.dataset.mapStates).toBe("8");
      const canvas = parent.querySelector("canvas")!;
      expect(canvas).not.toBeNull();
      expect(canvas.getAttribute("role")).toBe("img");
      expect(canvas.getAttribute("aria-label")).toContain("Alliances: Atlantia–Galicor, Caspia–Dravia.");
      expect(map.game.config.renderType).not.toBe(Phaser.HEADLESS);
      const selected: string[] = [];
      map.onSelect((id) => selected.push(id));
      const p = map.statePoint("DRV")!;
      const rect = parent.getBoundingClientRect();
      const tap = (type: string) =>
        parent.dispatchEvent(Object.assign(new MouseEvent(type, { bubbles: true, clientX: rect.left + p.x, clientY: rect.top + p.y, button: 0 }), { pointerId: 1, pointerType: "touch" }));
      tap("pointerdown");
      tap("pointerup");
      expect(selected).toEqual(["DRV"]);
      expect(p.x).toBeGreaterThan(0);
      expect(p.r).toBeGreaterThan(0);
      map.update(rivalView({ alliances: [] }));
      expect(canvas.getAttribute("aria-label")).toContain("No alliances.");
    } finally {
      map.destroy();
    }
    expect(parent.dataset.mapReady).toBeUndefined();
    expect(parent.ententeMap).toBeUndefined();
    parent.remove();
  });

  it("resolves animate() at once when reduced motion is preferred or the tab is hidden", async () => {
    const parent = parentOfSize(800, 600);
    const map = mountMap(parent, { interactive: false });
    try {
      map.update(rivalView());
      await until(() => parent.dataset.mapReady === "true");
      vi.stubGlobal("matchMedia", (query: string) => ({ matches: query.includes("reduce"), media: query }));
      await map.animate([{ kind: "crisis", title: "Calm" }]);
      expect(map.scene.animating).toBe(false);
      vi.unstubAllGlobals();
      vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
      await map.animate([{ kind: "crisis", title: "Hidden" }]);
      expect(map.scene.animating).toBe(false);
    } finally {
      map.destroy();
      parent.remove();
    }
  });
});
