import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';

async function cli(...argv: string[]) {
  return cliWith(undefined, ...argv);
}

async function cliWith(env: Record<string, string> | undefined, ...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(argv, { stdout, stderr, cwd: REPO_ROOT, ...(env && { env }) });
  return { code, out, err, errLines: err.trim().split('\n').filter((l) => !l.endsWith('…')) };
}

describe('candidate-review review (CLI)', () => {
  it('prints a Markdown report of a folder on stdout, progress on stderr', async () => {
    const { code, out, err } = await cli('review', 'test/fixtures/plain-web-app');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Candidate review: test\/fixtures\/plain-web-app/);
    expect(out).toContain('`flask` — `app/main.py:2` `from flask import Flask, jsonify, request`');
    expect(out).toContain('**Tests:** 2 tests found statically');
    expect(err).toContain('candidate-review: workspace…');
  });

  it('writes JSON to --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cr-cli-'));
    try {
      const { code, out } = await cli('review', 'test/fixtures/lora-constants', '--format', 'json', '--out', join(dir, 'r.json'));
      expect(code).toBe(0);
      expect(out).toBe('');
      const report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
      expect(report.schemaVersion).toBe(1);
      expect(report.stack.lora).toMatchObject({ r: 8, alpha: 16 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['review', 'test/fixtures/does-not-exist'], /no such folder/],
    [['review', '--upload-pack=touch /tmp/pwned', 'x'], /Unknown option '--upload-pack'/],
    [['review', '--', '--upload-pack=touch /tmp/pwned'], /unsupported source/],
    [['review', 'ext::sh -c touch% /tmp/pwned'], /unsupported source/],
    [['review', 'https://github.com.evil.test/o/r'], /not allowed|unsupported/],
    [['review', 'http://github.com/o/r'], /https/],
    [['review'], /missing the folder or git URL/],
    [['inspect', '.'], /unknown command "inspect"/],
    [['review', '.', '--format', 'xml'], /unknown format "xml"/],
    [['review', '.', '--nope'], /Unknown option '--nope'/],
    [['review', 'test/fixtures/plain-web-app', '--base', 'main'], /--base needs a git repository/],
  ])('exits 2 with one line naming the problem: %j', async (argv, message) => {
    const { code, out, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trim().split('\n').filter((l) => !/…$/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^candidate-review: /);
    expect(lines[0]).toMatch(message);
  });

  it('keeps parsed files in the facts cache: the second review reads them back and says the same; --no-cache writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cr-cli-cache-'));
    const cacheFiles = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    try {
      const env = { CANDIDATE_REVIEW_CACHE_DIR: join(dir, 'facts'), CANDIDATE_REVIEW_THREADS: '1' };
      const uncached = await cliWith(env, 'review', 'test/fixtures/lora-constants', '--no-cache', '--format', 'json');
      expect(await cacheFiles()).toBe(0);
      const first = await cliWith(env, 'review', 'test/fixtures/lora-constants', '--format', 'json');
      const stored = await cacheFiles();
      expect(stored).toBeGreaterThan(0);
      const second = await cliWith(env, 'review', 'test/fixtures/lora-constants', '--format', 'json');
      expect(await cacheFiles()).toBe(stored);
      expect(first.err).not.toContain('from the facts cache');
      expect(second.err).toMatch(/candidate-review: (\d+) source files: \1 from the facts cache, 0 parsed\n/);
      const findings = (out: string) => JSON.parse(out).findings;
      expect(findings(second.out)).toEqual(findings(first.out));
      expect(findings(first.out)).toEqual(findings(uncached.out));
      expect(JSON.parse(second.out).stack.lora).toMatchObject({ r: 8, alpha: 16 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
