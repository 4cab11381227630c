import { describe, expect, it } from 'vitest';
import { mapLimited } from '../src/map-limited.js';

describe('mapLimited', () => {
  it('keeps the items’ order however the calls finish, with no more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 15, 2, 25, 3];
    const results = await mapLimited(delays, 3, async (ms) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return ms * 2;
    });
    expect(results).toEqual(delays.map((ms) => ms * 2));
    expect(most).toBe(3);
  });

  it('maps an empty list to an empty list', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
