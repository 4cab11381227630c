/**
 * `fn` over `items` with at most `limit` calls in flight, results in the items' order. For file
 * system work: each `open`, `stat` and `read` is a round trip to libuv's thread pool, and one file
 * at a time leaves that pool (and the disk) idle most of the time. `fn` should not throw: a
 * rejection stops the lanes and rejects the whole map.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
