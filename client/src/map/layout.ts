// Where things go on the screen (pure: no Phaser, no DOM, unit-tested): the
// public entry point of the map's layout, kept for its importers
// (client/src/report/charts.ts, the layout tests). The code lives in:
//
//   geometry.ts      sizes, rectangles, segments, overlap, clamping
//   projection.ts    km (x east, y north) to screen px (y down), one scale for both axes
//   disc-layout.ts   the discs: area, radius by power share, crowding
//   separation.ts    nudging overlapping discs apart
//   spatial-grid.ts  buckets for "what is near here" on big maps
//   labels.ts        label chips inside, beside or (with a leader line) near their disc;
//                    never over each other, another disc or the edge
//   label-board.ts   what is already placed, for the labels' clearance checks
//   label-geometry.ts  clearances between chips, discs and lines; the leader line
//   buckets.ts       an allocation-free bucket grid for yes/no "anything in the way?"
//
// Scenario positions are kilometres; scenarios span from about 1,000 km to
// 15,000 km and hold 3 to 400 states.
export {
  layoutDiscs,
  mapArea,
  radiiForShares,
  radiusBounds,
  type Disc,
  type DiscLayout,
  type DiscLayoutOptions,
  type LayoutState,
} from "./disc-layout.js";
export { clamp, clippedLength, overlap, overlapDisc, type Rect, type Segment, type Size } from "./geometry.js";
export {
  anchorPosition,
  fitsInside,
  placeLabels,
  type LabelAnchor,
  type LabelBox,
  type LabelOptions,
  type LabelPlacement,
} from "./labels.js";
export { fitProjection, project, type Projection } from "./projection.js";
export { separate } from "./separation.js";
export { SpatialGrid } from "./spatial-grid.js";
