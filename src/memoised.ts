/**
 * `compute` remembered by its argument: for pure functions that a review asks of the same names,
 * paths and callees again and again. The table starts over once it holds `max` entries, so a
 * long-running server never grows it without bound. `compute` never returns undefined.
 */
export function memoised<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
