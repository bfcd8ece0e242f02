// What each happening of a round shows in the animation: alliances forming
// (both ends reach for the middle) or broken (the line snaps), threats and
// attacks as flying arrows, wars flashing on the target, tags ("yielded",
// "held") and a crisis banner fading in and out.
import type Phaser from "./phaser.js";
import { fade, type RoundPlan } from "./animation.js";
import { FONT, type SceneContext } from "./context.js";
import type { Disc } from "./disc-layout.js";
import { drawLine, edgeKey } from "./edges.js";
import { clamp, edgeGeometry, halves, partial, type Segment } from "./geometry.js";
import { EDGE_STYLES } from "./relations.js";
import { hexToNumber } from "./palette.js";
import type { MapHappening } from "./types.js";

/** Looks a state's disc (px) up by id. */
type DiscOf = (id: string) => Disc | undefined;
type Happening<K extends MapHappening["kind"]> = Extract<MapHappening, { kind: K }>;

/**
 * The tracks of a round. Happenings about unknown states are left out; the
 * plan may then have no tracks. Tags and the banner are added to the scene
 * now, transparent.
 */
export function planRound(ctx: SceneContext, happenings: readonly MapHappening[], disc: DiscOf): RoundPlan {
  const plan: RoundPlan = { tracks: [], objects: [], suppressed: new Set<string>() };
  for (const h of happenings) {
    switch (h.kind) {
      case "allianceFormed":
        allianceFormed(ctx, plan, h, disc);
        break;
      case "allianceLeft":
        allianceLeft(ctx, plan, h, disc);
        break;
      case "threat":
        threat(ctx, plan, h, disc);
        break;
      case "war":
        war(ctx, plan, h, disc);
        break;
      case "crisis":
        crisis(ctx, plan, h);
        break;
    }
  }
  return plan;
}

/** A word ("yielded", "held") above a disc, in `color` (#rrggbb), shown from start to end (ms). */
function tag(
  ctx: SceneContext,
  plan: RoundPlan,
  text: string,
  d: Disc,
  color: string,
  start: number,
  end: number,
): void {
  const u = ctx.unit;
  const obj = ctx.add
    .text(d.x, d.y - d.r - 8 * u, text, {
      fontFamily: FONT,
      fontSize: `${ctx.options.large ? 20 : 13}px`,
      fontStyle: "bold",
      color: ctx.theme.bannerText,
      backgroundColor: color,
      resolution: ctx.pixelRatio,
      padding: { x: 5 * u, y: 2 * u },
    })
    .setOrigin(0.5, 1)
    .setDepth(8)
    .setAlpha(0);
  const { width } = ctx.viewSize;
  obj.x = clamp(obj.x, obj.width / 2 + 2, width - obj.width / 2 - 2);
  obj.y = Math.max(obj.height + 2, obj.y);
  plan.objects.push(obj);
  plan.tracks.push({ start, end, frame: (_g, p) => obj.setAlpha(fade(p, 0.2, 0.75)) });
}

function allianceFormed(ctx: SceneContext, plan: RoundPlan, h: Happening<"allianceFormed">, disc: DiscOf): void {
  const a = disc(h.a);
  const b = disc(h.b);
  if (!a || !b) return;
  plan.suppressed.add(edgeKey("alliance", h.a, h.b));
  const geo = edgeGeometry(a, b, 0, 1);
  if (!geo) return;
  const color = hexToNumber(ctx.theme.alliance);
  const u = ctx.unit;
  plan.tracks.push({
    start: 0,
    end: 1000,
    frame: (g, p) => {
      // Both ends reach for the middle, then the line pulses once.
      const grow = Math.min(1, p / 0.7);
      const pulse = p > 0.7 ? 1 + 0.6 * Math.sin(((p - 0.7) / 0.3) * Math.PI) : 1;
      const [half1, half2] = halves(geo);
      const w = EDGE_STYLES.alliance.width * u * pulse;
      drawLine(g, partial(half1, grow), "solid", w, color, 1, false);
      drawLine(g, partial(half2, grow), "solid", w, color, 1, false);
    },
  });
}

function allianceLeft(ctx: SceneContext, plan: RoundPlan, h: Happening<"allianceLeft">, disc: DiscOf): void {
  const a = disc(h.by);
  const b = disc(h.ally);
  if (!a || !b) return;
  plan.suppressed.add(edgeKey("alliance", h.by, h.ally));
  const geo = edgeGeometry(a, b, 0, 1);
  if (!geo) return;
  const color = hexToNumber(ctx.theme.alliance);
  const u = ctx.unit;
  plan.tracks.push({
    start: 0,
    end: 1100,
    frame: (g, p) => {
      // Holds, then snaps in the middle and the halves shrink back and fade.
      const keep = p < 0.3 ? 1 : 1 - (p - 0.3) / 0.7;
      const [half1, half2] = halves(geo);
      const w = EDGE_STYLES.alliance.width * u;
      drawLine(g, partial(half1, keep), "solid", w, color, keep, false);
      drawLine(g, partial(half2, keep), "solid", w, color, keep, false);
    },
  });
  plan.suppressed.add(edgeKey("betrayal", h.by, h.ally));
  const bgeo = edgeGeometry(a, b, 8 * u, 3);
  if (bgeo) {
    const bcolor = hexToNumber(ctx.theme.betrayal);
    plan.tracks.push({
      start: 500,
      end: 1500,
      frame: (g, p) =>
        drawLine(g, partial(bgeo, Math.min(1, p / 0.6)), "dotted", EDGE_STYLES.betrayal.width * u, bcolor, 1, true),
    });
  }
}

function threat(ctx: SceneContext, plan: RoundPlan, h: Happening<"threat">, disc: DiscOf): void {
  const a = disc(h.from);
  const b = disc(h.to);
  if (!a || !b) return;
  plan.suppressed.add(edgeKey("threat", h.from, h.to));
  const geo = edgeGeometry(a, b, 0, 3);
  if (!geo) return;
  const color = hexToNumber(ctx.theme.threat);
  const u = ctx.unit;
  plan.tracks.push({
    start: 250,
    end: 1900,
    frame: (g, p) =>
      drawLine(g, partial(geo, Math.min(1, p / 0.45)), "dashed", EDGE_STYLES.threat.width * u, color, 1, true),
  });
  tag(ctx, plan, h.yielded ? "yielded" : "stood firm", b, ctx.theme.threat, 1050, 1900);
}

function war(ctx: SceneContext, plan: RoundPlan, h: Happening<"war">, disc: DiscOf): void {
  const target = disc(h.target);
  if (!target) return;
  const t = ctx.theme;
  const u = ctx.unit;
  const acolor = hexToNumber(t.attack);
  const outline = hexToNumber(t.background);
  for (const id of h.attackers) {
    const a = disc(id);
    if (!a) continue;
    plan.suppressed.add(edgeKey("attack", id, h.target));
    const geo = edgeGeometry(a, target, 0, 3);
    if (!geo) continue;
    plan.tracks.push({
      start: 900,
      end: 2600,
      frame: (g, p) =>
        drawLine(g, partial(geo, Math.min(1, p / 0.35)), "solid", EDGE_STYLES.attack.width * u, acolor, 1, true),
    });
    // The attacker's armies march along the line to the target.
    plan.tracks.push({ start: 900, end: 2300, frame: (g, p) => drawArmies(g, geo, p, acolor, outline, 7 * u) });
  }
  plan.tracks.push({
    start: 1400,
    end: 2400,
    frame: (g, p) => {
      const flash = Math.max(0, Math.sin(p * Math.PI * 3)); // three flashes
      g.fillStyle(acolor, 0.55 * flash);
      g.fillCircle(target.x, target.y, target.r);
      g.lineStyle(3 * u, acolor, 1 - p);
      g.strokeCircle(target.x, target.y, target.r + 4 * u + p * 18 * u);
    },
  });
  const dcolor = hexToNumber(t.alliance);
  for (const id of h.defenders) {
    const d = disc(id);
    if (!d || id === h.target) continue;
    // The target's allies send theirs to its side.
    const help = edgeGeometry(d, target, 0, 3);
    if (help) plan.tracks.push({ start: 1100, end: 2300, frame: (g, p) => drawArmies(g, help, p, dcolor, outline, 6 * u) });
    plan.tracks.push({
      start: 1400,
      end: 2400,
      frame: (g, p) => {
        g.lineStyle(3 * u, dcolor, Math.sin(p * Math.PI));
        g.strokeCircle(d.x, d.y, d.r + 5 * u);
      },
    });
  }
  tag(ctx, plan, h.winner === "attackers" ? "defeated" : "held", target, t.attack, 1900, 2750);
}

/**
 * Three army tokens (triangles `size` px long pointing along the segment) marching along `line` at progress p
 * (0 to 1): they leave one after another and stop at its end.
 */
export function drawArmies(g: Phaser.GameObjects.Graphics, line: Segment, p: number, color: number, outline: number, size: number): void {
  const dx = line.x2 - line.x1;
  const dy = line.y2 - line.y1;
  const length = Math.hypot(dx, dy);
  if (length < 1) return;
  const [ux, uy] = [dx / length, dy / length];
  for (let i = 0; i < 3; i++) {
    const t = clamp(p * 1.3 - i * 0.15, 0, 1);
    if (t <= 0) continue;
    const x = line.x1 + dx * t;
    const y = line.y1 + dy * t;
    const tip = [x + ux * size * 0.6, y + uy * size * 0.6] as const;
    const left = [x - ux * size * 0.4 - uy * size * 0.45, y - uy * size * 0.4 + ux * size * 0.45] as const;
    const right = [x - ux * size * 0.4 + uy * size * 0.45, y - uy * size * 0.4 - ux * size * 0.45] as const;
    g.fillStyle(color, 1);
    g.fillTriangle(tip[0], tip[1], left[0], left[1], right[0], right[1]);
    g.lineStyle(1.2, outline, 0.9);
    g.strokeTriangle(tip[0], tip[1], left[0], left[1], right[0], right[1]);
  }
}

function crisis(ctx: SceneContext, plan: RoundPlan, h: Happening<"crisis">): void {
  const t = ctx.theme;
  const u = ctx.unit;
  const { width } = ctx.viewSize;
  const banner = ctx.add
    .text(width / 2, 10 * u, `Crisis: ${h.title}`, {
      fontFamily: FONT,
      fontSize: `${ctx.options.large ? 28 : width < 480 ? 15 : 18}px`,
      fontStyle: "bold",
      color: t.bannerText,
      backgroundColor: t.bannerBackground,
      resolution: ctx.pixelRatio,
      padding: { x: 12 * u, y: 6 * u },
      align: "center",
      wordWrap: { width: Math.max(120, width - 40), useAdvancedWrap: true },
    })
    .setOrigin(0.5, 0)
    .setDepth(9)
    .setAlpha(0)
    .setName("crisis-banner");
  plan.objects.push(banner);
  plan.tracks.push({ start: 0, end: 2500, frame: (_g, p) => banner.setAlpha(fade(p, 0.08, 0.88)) });
}
