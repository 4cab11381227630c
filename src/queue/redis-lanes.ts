import type { Redis } from 'ioredis';

/**
 * Takes a slot of a lane if it has room: drops the holders whose lease ran out, then adds (or
 * renews) this holder when it already holds a slot, the lane has no cap, or fewer than the cap
 * hold one. Redis's own clock dates the leases, so workers on machines with skewed clocks agree.
 *   KEYS[1] the lane's holders (sorted set: holder → lease end, ms)   KEYS[2] the lane's cap
 *   ARGV[1] the holder (a job id)   ARGV[2] the lease (ms)
 * Returns 1 when the holder has a slot, 0 when the lane is full.
 */
const TAKE_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lease = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local cap = tonumber(redis.call('GET', KEYS[2]) or '0')
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or cap == 0 or redis.call('ZCARD', KEYS[1]) < cap then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], lease)
  return 1
end
return 0
`;

/** How long a lane's cap is remembered after it was last set (each review of the owner sets it again). */
const CAP_TTL_S = 7 * 24 * 3600;

/**
 * Lane caps shared by every worker of a deployment (an organisation's `concurrency` setting), kept
 * in Redis: a running job holds a slot of its lane under a lease its worker renews, so a worker that
 * dies gives its slots back when their leases run out. A lane without a cap still records its
 * holders, so a cap set while jobs run counts them.
 */
export class RedisLanes {
  readonly #redis: Redis;
  readonly #base: string;

  /** `base` namespaces the keys (the queue's prefix and name). */
  constructor(redis: Redis, base: string) {
    this.#redis = redis;
    this.#base = base;
  }

  /** Caps the jobs of `lane` running at once, across all workers; `undefined` lifts the cap. */
  async setCap(lane: string, cap: number | undefined): Promise<void> {
    if (cap === undefined) await this.#redis.del(this.#key(lane, 'cap'));
    else await this.#redis.set(this.#key(lane, 'cap'), String(Math.max(1, Math.floor(cap))), 'EX', CAP_TTL_S);
  }

  /** Takes (or renews) a slot of `lane` for `leaseMs`; false when the lane is full. */
  async take(lane: string, holder: string, leaseMs: number): Promise<boolean> {
    const taken = await this.#redis.eval(TAKE_SLOT, 2, this.#key(lane, 'holders'), this.#key(lane, 'cap'), holder, String(Math.ceil(leaseMs)));
    return taken === 1;
  }

  /** Gives the slot back. */
  async release(lane: string, holder: string): Promise<void> {
    await this.#redis.zrem(this.#key(lane, 'holders'), holder);
  }

  /** The lane's cap (null: none) and the holders of its slots, lapsed leases included (tests, and an operator's look). */
  async state(lane: string): Promise<{ cap: number | null; holders: string[] }> {
    const [cap, holders] = await Promise.all([this.#redis.get(this.#key(lane, 'cap')), this.#redis.zrange(this.#key(lane, 'holders'), '0', '-1')]);
    return { cap: cap === null ? null : Number(cap), holders };
  }

  // The lane is a hash tag, so both keys of a lane sit in one slot of a Redis Cluster (one script touches both).
  #key(lane: string, what: 'cap' | 'holders'): string {
    return `${this.#base}:lane:{${lane}}:${what}`;
  }
}
