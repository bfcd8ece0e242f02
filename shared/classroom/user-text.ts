// Text that people type (nicknames, chat, announcements, crises typed live),
// cleaned of the characters that change how the text around them is shown.
// Pages still show every such text in its own bidi isolate (client/src/common/dom.ts,
// userText): right-to-left names and messages are welcome, they just must not
// reorder what comes after them.

/**
 * Bidi embeddings, overrides and isolates: LRE, RLE, PDF, LRO, RLO (U+202A to U+202E) and
 * LRI, RLI, FSI, PDI (U+2066 to U+2069). An unclosed RLO reverses everything after it on
 * the line, so a nickname or message could make the rest of a row read backwards.
 */
const BIDI_EMBEDDINGS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * What a nickname cannot contain: Unicode's Default_Ignorable_Code_Point (zero-width
 * characters, the soft hyphen, variation selectors, the Hangul fillers U+115F, U+1160,
 * U+3164, U+FFA0, ...), format characters (\p{Cf}: among them every bidi control, U+200E,
 * U+200F, U+202A to U+202E, U+2066 to U+2069 and U+061C, which are listed too for the
 * reader), control characters (\p{Cc}) and lone surrogates (\p{Cs}).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Cs}\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/gu;

/** Symbols that show as nothing but are neither ignorable nor white space: the braille blank U+2800. A nickname reads them as a space. */
const BLANK_SYMBOLS = /\u2800/g;

/** A chat message, announcement or crisis text without bidi embeddings, overrides and isolates; right-to-left letters and the LRM/RLM/ALM marks stay. Not trimmed. */
export function withoutBidiEmbeddings(text: string): string {
  return text.replace(BIDI_EMBEDDINGS, "");
}

/**
 * A nickname as it is kept and shown: invisible characters removed (see INVISIBLE),
 * NFKC-normalized (full-width and other compatibility forms become the plain letters; a
 * decomposed "é" becomes the precomposed one), braille blanks and runs of white space made one
 * space, trimmed.
 * May be empty; nothing is refused here (see nicknames.ts).
 */
export function cleanNickname(raw: string): string {
  // Stripped before NFKC (so that "e", U+200B, U+0301 composes) and after (NFKC turns
  // U+3164 and U+FFA0 into U+1160, itself ignorable); NFKC again composes what the second
  // strip brought together. The result is a fixed point (tests/model/nicknames.test.ts).
  const strip = (s: string) => s.replace(INVISIBLE, "");
  return strip(strip(raw).normalize("NFKC")).normalize("NFKC").replace(BLANK_SYMBOLS, " ").replace(/\s+/g, " ").trim();
}

/** Whether a text has something to see: a letter or digit of any script (after cleanNickname, the invisible ones are gone). */
export function hasVisibleLetterOrDigit(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(INVISIBLE, ""));
}
