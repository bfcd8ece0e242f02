// When two nicknames are the same player: when they look the same. The idea
// of Unicode's confusable skeleton (UTS #39, section 4), with its data:
// `unhomoglyph` (MIT, the package Matrix clients use for display names) maps
// each character to its prototype per confusables.txt of Unicode 13.0.0.
// Pure data and a function: shared/ may import it (tests/model/purity.test.ts).
import unhomoglyph from "unhomoglyph";
import { cleanNickname } from "./user-text.js";

/** UTS #39's skeleton step: NFD, each character to its prototype, NFD again. */
const prototypes = (s: string): string => unhomoglyph(s.normalize("NFD")).normalize("NFD");

/**
 * The look-alike key of a nickname: two nicknames with the same skeleton are the same player.
 * The nickname is cleaned first (cleanNickname: invisible and bidi characters go, NFKC), then
 * mapped to prototypes twice, ignoring case both ways: once in upper case (Cyrillic "В" is "B",
 * and "I" and "i" meet as "l"), then again in lower case (Latin "ɑ" is "a", "m" is "rn"). So
 * "Ann", "ANN", "Аnn" (Cyrillic А), "Ann" + U+200B and "ａｎｎ" share one skeleton; "Anna",
 * "Zoë" beside "Zoe", "Łukasz" beside "Lukasz" do not. Not for display: "m" becomes "rn".
 */
export function nicknameSkeleton(nickname: string): string {
  return prototypes(prototypes(cleanNickname(nickname).toUpperCase()).toLowerCase()).toLowerCase();
}
