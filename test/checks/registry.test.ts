import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/index.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';

const CHECKS_DIR = join(REPO_ROOT, 'checks');

function checkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return checkFiles(path);
    return name.endsWith('.ts') && path !== join(CHECKS_DIR, 'index.ts') ? [relative(CHECKS_DIR, path).replace(/\.ts$/, '')] : [];
  });
}

describe('the check registry', () => {
  it('registers every file under checks/, once, under the id of its path', () => {
    expect(checks.map((c) => c.id).sort()).toEqual(checkFiles(CHECKS_DIR).sort());
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it.each(checks.map((c) => [c.id, c] as const))('%s has docs, messages, kebab-case id and a test', (id, check) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(check.docs.length).toBeGreaterThan(20);
    expect(Object.keys(check.messages).length).toBeGreaterThan(0);
    for (const key of Object.keys(check.questions ?? {})) expect(check.messages).toHaveProperty(key);
    expect(existsSync(join(REPO_ROOT, 'test', 'checks', `${id}.test.ts`))).toBe(true);
  });
});
