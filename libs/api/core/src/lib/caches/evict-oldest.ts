/**
 * Makes room for one more entry in a Map a process keeps as a cache of at most `max` entries:
 * when it is full, its oldest entry (Maps keep insertion order) goes, through `evict` when
 * dropping it takes more than deleting the key. Callers that re-set a key they hold first delete
 * it or check it, so a refresh never pushes another entry out.
 */
export function evictOldest<K>(
  map: ReadonlyMap<K, unknown>,
  max: number,
  evict: (key: K) => void = (key) => (map as Map<K, unknown>).delete(key),
): void {
  if (map.size < max) return;
  for (const key of map.keys()) return evict(key);
}
