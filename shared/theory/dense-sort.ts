// Sorting state indices by a number, highest first, equal numbers by id: the order of
// every ranked list of the theories (threats, partners). A merge sort over typed arrays
// with the comparison written out, since the n lists of n states of a large world spend
// most of their time in the calls of Array.prototype.sort's comparator. The order is
// the one `(a, b) => key[b] - key[a] || (id(a) < id(b) ? -1 : 1)` gives: a strict total
// order (ids are unique), so any correct sort gives the same list, and the first k
// of it are what `topByKeyDescending` selects without sorting the rest.

/**
 * Each state's rank in the ids' string order (`<`), by index: comparing ranks compares ids.
 * O(n log n).
 */
export function idRanks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** Whether index a comes before index b: larger key first, equal keys by rank. */
function before(a: number, b: number, key: Float64Array, rank: Int32Array): boolean {
  const ka = key[a]!;
  const kb = key[b]!;
  return ka > kb || (!(ka < kb) && rank[a]! < rank[b]!);
}

/** Length of the runs sorted by insertion before merging. */
const RUN = 8;

/**
 * Sorts `indices` in place: highest `key[index]` first, equal keys by `rank[index]` (see `idRanks`).
 * `key` and `rank` are indexed by state index. O(m log m) for m indices.
 */
export function sortByKeyDescending(indices: Int32Array, key: Float64Array, rank: Int32Array): Int32Array {
  const m = indices.length;
  // Runs of RUN sorted in place by insertion (fewer passes of merging), then merged.
  for (let lo = 0; lo < m; lo += RUN) {
    const hi = Math.min(lo + RUN, m);
    for (let i = lo + 1; i < hi; i++) {
      const x = indices[i]!;
      let p = i;
      while (p > lo && before(x, indices[p - 1]!, key, rank)) {
        indices[p] = indices[p - 1]!;
        p--;
      }
      indices[p] = x;
    }
  }
  if (m <= RUN) return indices;
  let from: Int32Array = indices;
  let to: Int32Array = new Int32Array(m);
  // Bottom-up merge sort: runs of width RUN, 2 × RUN, ... merged from `from` into `to`.
  for (let width = RUN; width < m; width *= 2) {
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(lo + width, m);
      const hi = Math.min(lo + 2 * width, m);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = before(from[j]!, from[i]!, key, rank) ? from[j++]! : from[i++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  if (from !== indices) indices.set(from);
  return indices;
}

/**
 * The first `k` of `indices` in the order of `sortByKeyDescending` (all of them, sorted, when
 * `k >= indices.length`), as a new array: highest `key[index]` first, equal keys by `rank[index]`.
 * Since that order is a strict total order, these are exactly the first `k` of the full sort.
 * `indices` is left as it was. O(m × k) for m indices: for the few top entries of a long list.
 */
export function topByKeyDescending(indices: Int32Array, key: Float64Array, rank: Int32Array, k: number): Int32Array {
  const m = indices.length;
  if (k >= m) return sortByKeyDescending(indices.slice(), key, rank);
  const top = new Int32Array(Math.max(0, k));
  if (k <= 0) return top;
  let size = 0;
  for (let t = 0; t < m; t++) {
    const x = indices[t]!;
    // Full, and x comes after the last kept: not among the first k.
    if (size === k && !before(x, top[k - 1]!, key, rank)) continue;
    // Insert x in its place, dropping the last kept one when full.
    let p = size < k ? size++ : k - 1;
    while (p > 0 && before(x, top[p - 1]!, key, rank)) {
      top[p] = top[p - 1]!;
      p--;
    }
    top[p] = x;
  }
  return top;
}

/** Which 32-bit word of a float64 holds its sign, exponent and leading mantissa bits: 1 on little-endian machines, 0 on big-endian ones. */
const HIGH_WORD = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

/** One float64 and the same memory as two 32-bit words, to read a key's leading bits. */
const oneKey = new Float64Array(1);
const oneKeyWords = new Uint32Array(oneKey.buffer);

/**
 * Bits of a key's high word (of 32) below its bucket number in `bucketOrderDescending`: the bucket
 * is the sign, the exponent and the first 6 bits of the mantissa, 64 buckets per power of two
 * (each about 1% wide).
 */
const BUCKET_SHIFT = 14;

/** Work arrays of `bucketOrderDescending` (each index's slot, the slots' counts). Grown when needed. */
let slotOf = new Int32Array(0);
let slotCount = new Int32Array(0);

/**
 * The indices 0 to m - 1 (m = `out.length`) in nearly the order of `sortByKeyDescending`, into
 * `out`: a guess for `sortNearlySorted`, which finishes it. One counting pass over buckets of the
 * keys' leading bits (for keys >= 0 the bits of a float64 order as the numbers do; BUCKET_SHIFT),
 * largest first, with keys of 0 (and subnormal ones below the first bucket) last: O(m + buckets).
 * Within a bucket the indices keep their order, so only keys within about 1% of each other can come
 * out of order. Keys spread over more than 8m + 64 buckets (a small world, or keys of very different
 * sizes) are sorted exactly by `sortByKeyDescending` instead. Keys must be finite and >= 0.
 */
export function bucketOrderDescending(key: Float64Array, rank: Int32Array, out: Int32Array): Int32Array {
  const m = out.length;
  if (slotOf.length < m) slotOf = new Int32Array(m);
  // Each key's bucket, and the range of the buckets above 0 (bucket 0: the zeros).
  let low = 2 ** 31;
  let high = 0;
  for (let k = 0; k < m; k++) {
    oneKey[0] = key[k]!;
    const bucket = oneKeyWords[HIGH_WORD]! >>> BUCKET_SHIFT;
    slotOf[k] = bucket;
    if (bucket === 0) continue;
    if (bucket < low) low = bucket;
    if (bucket > high) high = bucket;
  }
  if (high === 0) low = high = 1;
  // Slots: 0 for the highest bucket, ..., high - low for the lowest, then one for the zeros.
  const slots = high - low + 2;
  if (slots > 8 * m + 64) {
    for (let k = 0; k < m; k++) out[k] = k;
    return sortByKeyDescending(out, key, rank);
  }
  if (slotCount.length < slots + 1) slotCount = new Int32Array(slots + 1);
  const count = slotCount;
  count.fill(0, 0, slots + 1);
  for (let k = 0; k < m; k++) {
    const bucket = slotOf[k]!;
    const slot = bucket === 0 ? slots - 1 : high - bucket;
    slotOf[k] = slot;
    count[slot + 1]!++;
  }
  // count[s]: where slot s starts in `out`.
  for (let slot = 1; slot <= slots; slot++) count[slot] = count[slot]! + count[slot - 1]!;
  for (let k = 0; k < m; k++) out[count[slotOf[k]!]!++] = k;
  return out;
}

/** `sortNearlySorted` gives up insertion past this many moves per index. */
const MOVES_PER_INDEX = 8;

/**
 * Sorts `indices` in place into the order of `sortByKeyDescending`, quickly when they are
 * nearly in that order already (a guess from a related key): insertion sort, O(m + pairs out
 * of order) for m indices. Past MOVES_PER_INDEX × m moves it finishes with
 * `sortByKeyDescending` instead, so never worse than O(m log m + m). The order is a strict
 * total order, so the result is the same whichever way it is reached.
 */
export function sortNearlySorted(indices: Int32Array, key: Float64Array, rank: Int32Array): Int32Array {
  const m = indices.length;
  let budget = MOVES_PER_INDEX * m;
  for (let i = 1; i < m; i++) {
    const x = indices[i]!;
    let p = i;
    while (p > 0 && before(x, indices[p - 1]!, key, rank)) {
      indices[p] = indices[p - 1]!;
      p--;
    }
    indices[p] = x;
    budget -= i - p;
    if (budget < 0) return sortByKeyDescending(indices, key, rank);
  }
  return indices;
}
