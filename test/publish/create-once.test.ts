import { describe, expect, it } from 'vitest';
import { createOnce } from '../../src/publish/create-once.js';

const failure = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

describe('createOnce', () => {
  it('after a 502 on a create that did write, finds the object instead of creating a second one', async () => {
    const calls: string[] = [];
    const id = await createOnce({
      create: async () => {
        calls.push('create');
        throw failure(502);
      },
      find: async () => {
        calls.push('find');
        return 7;
      },
      wait: async () => undefined,
    });
    expect(id).toBe(7);
    expect(calls).toEqual(['create', 'find']);
  });

  it('creates again when the failed create left nothing, up to the attempts, waiting longer each time', async () => {
    const calls: string[] = [];
    let creates = 0;
    const id = await createOnce({
      create: async () => {
        calls.push('create');
        if (++creates < 3) throw failure(503);
        return 9;
      },
      find: async () => {
        calls.push('find');
        return null;
      },
      wait: async (ms) => void calls.push(`wait ${ms}`),
    });
    expect(id).toBe(9);
    expect(calls).toEqual(['create', 'find', 'wait 1000', 'create', 'find', 'wait 2000', 'create']);
  });

  it('throws a client error at once, and the last server error when every attempt failed', async () => {
    const find = async () => null;
    const wait = async () => undefined;
    await expect(createOnce({ create: async () => Promise.reject(failure(422)), find, wait })).rejects.toThrow('HTTP 422');
    await expect(createOnce({ create: async () => Promise.reject(failure(500)), find, wait, attempts: 2 })).rejects.toThrow('HTTP 500');
  });
});
