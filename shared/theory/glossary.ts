// The game's terms in plain words, for students (a tap away on their page),
// the report card and the teacher's console. Pure data: each entry is a term
// and a short explanation a 15-year-old can read; the field's own names are
// kept (balance of power, balance of threat, bandwagoning, bloc), and each is
// explained here once. Sources of the definitions: Walt (1987) The Origins of
// Alliances; Waltz (1979) Theory of International Politics; see
// docs/rules.md ("The theories in the game").

export const GLOSSARY_IDS = [
  "alliance",
  "bloc",
  "balance-of-power",
  "balance-of-threat",
  "bandwagoning",
  "standing-alone",
  "threat",
  "top-threat",
  "power",
  "proximity",
  "offensive-forces",
  "defensive-forces",
  "intentions",
  "hostile-act",
  "economy",
] as const;
export type GlossaryId = (typeof GLOSSARY_IDS)[number];

export interface GlossaryEntry {
  id: GlossaryId;
  /** The term as it reads in a heading: "Balance of threat". */
  term: string;
  /** One to three short sentences in plain words. */
  text: string;
}

const ENTRIES: Record<GlossaryId, Omit<GlossaryEntry, "id">> = {
  alliance: {
    term: "Alliance",
    text: "A promise between two states to stand together. In the game one state offers it and the other accepts; it starts when the round ends, and either side may leave it later.",
  },
  bloc: {
    term: "Bloc",
    text: "A group of states allied together and not hostile to each other, counted as one side. A state with no allies is a bloc on its own.",
  },
  "balance-of-power": {
    term: "Balance of power",
    text: "A theory: states join the weaker side against the strongest state or bloc, so that no one becomes strong enough to rule the others. It looks only at power.",
  },
  "balance-of-threat": {
    term: "Balance of threat",
    text: "A theory by Stephen Walt: states join together against the state that threatens them most. That is not always the strongest: being near, armed to attack and aggressive count too.",
  },
  bandwagoning: {
    term: "Bandwagoning",
    text: "Joining the state that threatens you instead of standing against it, hoping to be spared or to share the gains. Walt expects it mostly from weak states with no one to help them.",
  },
  "standing-alone": {
    term: "Standing alone",
    text: "Having no allies and making no offers. Experts call it buck-passing (hoping others will stop the danger for you) or hiding. None of the three theories fits it.",
  },
  threat: {
    term: "Threat",
    text: "How dangerous another state is to you. Walt counts four things: its power, how near it is, how much of its forces can attack, and its intentions. In the game they are multiplied: a state that is far away, weak or peaceful is little threat, whatever else it has.",
  },
  "top-threat": {
    term: "Top threat",
    text: "The state that threatens you most this round. Balance of threat says ally against it; bandwagoning says join it.",
  },
  power: {
    term: "Power (aggregate power)",
    text: "A state's share of all the strength in the game: the average of its share of all armed forces and its share of all economies. 25% means a quarter of everything.",
  },
  proximity: {
    term: "Proximity",
    text: "How near a state is. Power fades with distance, so a near state counts more than a far one, and a neighbour (sharing a border) counts in full. States with large offensive forces reach farther.",
  },
  "offensive-forces": {
    term: "Offensive forces",
    text: "Armed forces that can travel and attack, such as tanks, bombers and fleets. Other states see them and feel threatened, even when you only meant to be safe.",
  },
  "defensive-forces": {
    term: "Defensive forces",
    text: "Armed forces that can only defend your own land, such as forts and a home guard. They protect you without frightening anyone.",
  },
  intentions: {
    term: "Intentions",
    text: "What a state seems to want, judged by what it has done and said: attacks, threats, broken alliances, claims on other states' land, or a plan to overturn the order. Old deeds fade round by round; an ally is trusted more.",
  },
  "hostile-act": {
    term: "Hostile act",
    text: "An attack, a threat or a broken alliance. Others remember it for a few rounds, and it makes the state that did it look aggressive.",
  },
  economy: {
    term: "Economy",
    text: "What a state produces. It pays for armed forces and counts in its power. The part of your budget spent on the economy makes it grow; the rest buys armed forces.",
  },
};

/** Every entry, in the order a reader meets them (alliances, then the theories, then threat and its parts). */
export const GLOSSARY: readonly GlossaryEntry[] = GLOSSARY_IDS.map((id) => ({ id, ...ENTRIES[id] }));

export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  return { id, ...ENTRIES[id] };
}
