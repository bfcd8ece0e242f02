// A student's personal rejoin link: the key travels in the URL fragment
// (student.html?code=ABCDEF#key=…), which browsers never send to a server, so
// it stays out of request lines, Referer headers and proxy logs. The page
// takes the key out of the address bar as soon as it has read it. Links handed
// out before this carried it in the query (?key=): they still work, once.

/** The rejoin link of a student's seat, for them to keep or open on another device. */
export function rejoinLink(code: string, rejoinKey: string): string {
  return `${location.origin}/student.html?code=${encodeURIComponent(code)}#key=${encodeURIComponent(rejoinKey)}`;
}

/**
 * The rejoin key the page was opened with (`#key=…`, or an old link's `?key=…`), or null. When there
 * is one, the address bar and the current history entry are rewritten without it (history.replaceState):
 * the caller must store the key itself (rejoin-memory.ts), since a reload no longer shows it.
 */
export function takeRejoinKeyFromAddress(): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  const query = new URLSearchParams(location.search);
  const key = fragment.get("key") ?? query.get("key");
  if (key === null) return null;
  fragment.delete("key");
  query.delete("key");
  const search = query.toString();
  const hash = fragment.toString();
  history.replaceState(history.state, "", `${location.pathname}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`);
  return key || null;
}
