/**
 * Adds `value` to the list under `key`, in place. Building a list by copying it with one more
 * element (`map.set(k, [...(map.get(k) ?? []), v])`) takes time quadratic in its length: a
 * repository with tens of thousands of findings, or a file with thousands of matching strings,
 * made that minutes of copying.
 */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Trims each list of `map` to its length, in place, once the map is built: a list grown by `push`
 * keeps room for half as many again and 16 more, which an index kept for a whole review of a large
 * repository pays for in hundreds of megabytes.
 */
export function trimLists<K, V>(map: Map<K, V[]>): Map<K, V[]> {
  for (const [key, list] of map) if (list.length > 1) map.set(key, list.slice());
  return map;
}
