// What the map shows, as plain data built by the pages from the synchronized
// state. The map reads one thing from the network itself: its scenario's
// geometry (basemap and territories) at `mapUrl` (geometry-loader.ts).

export interface MapState {
  id: string;
  name: string;
  /** Colour from the scenario (#rrggbb), or "" to use the palette. */
  color: string;
  /** Position in km (x east, y north). */
  x: number;
  y: number;
  /** Share of all power, 0 to 1: sizes the state's disc. */
  powerShare: number;
  /** "team", "empty" or a bot policy name. */
  control: string;
}

export interface MapData {
  /** Where the scenario's map geometry is (/maps/<key>.json?game=<code>), or "" for none (states as discs on a plain ground). */
  mapUrl: string;
  states: MapState[];
  /** Alliances in force, each as [a, b]. */
  alliances: [string, string][];
  /** The viewer's own state (highlighted), if any. */
  own: string | null;
  /** Offers to show (only the viewer's own, for students): dashed lines. */
  offers: { from: string; to: string; accepted: boolean }[];
  /** Hostile deeds of the last round(s) to draw as arrows. */
  deeds: { from: string; to: string; kind: "attack" | "threat" | "betrayal"; round: number }[];
  /** The state selected in the HTML panels (outlined on the map). */
  selected: string | null;
}

/** What happened in a resolved round, for the animation. */
export type MapHappening =
  | { kind: "allianceFormed"; a: string; b: string }
  | { kind: "allianceLeft"; by: string; ally: string }
  | { kind: "threat"; from: string; to: string; yielded: boolean }
  | { kind: "war"; target: string; attackers: string[]; defenders: string[]; winner: "attackers" | "defenders" }
  | { kind: "crisis"; title: string };

export interface MapHandle {
  /** Redraws the map for the current view (cheap; call on every state change). */
  update(view: MapData): void;
  /** Plays what happened in a round (lines appearing, arrows flying, wars flashing); resolves when done. */
  animate(happenings: MapHappening[]): Promise<void>;
  /** Called when the user clicks or taps a state on the map. */
  onSelect(callback: (id: string) => void): void;
  destroy(): void;
}
