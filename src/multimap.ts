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
