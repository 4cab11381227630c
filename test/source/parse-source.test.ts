import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseSource } from '../../src/source/parse-source.js';

let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'parse-source-test-'));
  mkdirSync(join(cwd, 'submission'));
  mkdirSync(join(cwd, 'has space'));
  writeFileSync(join(cwd, 'file.txt'), 'x');
  symlinkSync(join(cwd, 'submission'), join(cwd, 'link-to-submission'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const parse = (input: string, allowedHosts?: readonly string[]) =>
  parseSource(input, { cwd, ...(allowedHosts ? { allowedHosts } : {}) });

describe('parseSource: accepted https URLs are rebuilt from validated parts', () => {
  it.each([
    ['https://github.com/octo/take-home', 'octo', 'take-home'],
    ['https://github.com/octo/take-home.git', 'octo', 'take-home'],
    ['https://github.com/octo/take-home/', 'octo', 'take-home'],
    ['https://github.com/octo/take-home.git/', 'octo', 'take-home'],
    ['HTTPS://GitHub.COM/Octo/Take.Home_2', 'Octo', 'Take.Home_2'],
    ['https://github.com:443/octo/r', 'octo', 'r'],
    ['https://github.com/a-b/.github', 'a-b', '.github'],
  ])('%s', (input, owner, repo) => {
    expect(parse(input)).toEqual({
      kind: 'remote',
      host: 'github.com',
      owner,
      repo,
      url: `https://github.com/${owner}/${repo}.git`,
      display: `https://github.com/${owner}/${repo}`,
    });
  });

  it('accepts another host only when it is allowed', () => {
    expect(parse('https://git.example.com/o/r', ['git.example.com'])).toMatchObject({
      host: 'git.example.com',
      url: 'https://git.example.com/o/r.git',
    });
    expect(() => parse('https://git.example.com/o/r')).toThrow(/host git\.example\.com is not allowed/);
  });
});

describe('parseSource: hostile or unsupported URLs are an InputError naming the problem', () => {
  it.each([
    // transports other than https
    ['ext::sh -c touch% /tmp/pwned', /only https:\/\/ URLs on github\.com or a local folder/],
    ['ext::git-remote-ext', /only https:\/\//],
    ['file:///etc', /only https:\/\//],
    ['file://github.com/o/r', /only https:\/\//],
    ['ssh://git@github.com/o/r.git', /only https:\/\//],
    ['git://github.com/o/r.git', /only https:\/\//],
    ['http://github.com/o/r', /only https:\/\//],
    ['git@github.com:o/r.git', /only https:\/\//],
    ['github.com:o/r', /only https:\/\//],
    ['user@host:path', /only https:\/\//],
    ['fd::17', /only https:\/\//],
    // option-like text where a URL is expected
    ['--upload-pack=touch /tmp/pwned', /only https:\/\//],
    ['-u touch /tmp/pwned', /only https:\/\//],
    ['-utouch', /only https:\/\//],
    ['--config=protocol.ext.allow=always', /only https:\/\//],
    ['-c protocol.ext.allow=always', /only https:\/\//],
    ['-cprotocol.ext.allow=always', /only https:\/\//],
    ['--template=/tmp/t', /only https:\/\//],
    ['-', /only https:\/\//],
    // host confusion
    ['https://github.com@evil.test/o/r', /credentials/],
    ['https://github.com.evil.test/o/r', /host github\.com\.evil\.test is not allowed/],
    ['https://evil.test/github.com/o', /host evil\.test is not allowed/],
    ['https://github.com./o/r', /host github\.com\. is not allowed/],
    ['https://127.0.0.1/o/r', /IP addresses/],
    ['https://0x7f.1/o/r', /IP addresses/],
    ['https://2130706433/o/r', /IP addresses/],
    ['https://[::1]/o/r', /IP addresses/],
    ['https://gіthub.com/o/r', /plain ASCII/], // Cyrillic і
    ['https://ｇithub.com/o/r', /plain ASCII/], // full-width g
    ['https://xn--gthub-2qa.com/o/r', /host xn--gthub-2qa\.com is not allowed/],
    ['https://git%68ub.com/o/r', /is not allowed/],
    ['https://localhost/o/r', /host localhost is not allowed/],
    // credentials, query strings, fragments, ports
    ['https://user:pass@github.com/o/r', /credentials/],
    ['https://ghp_secret@github.com/o/r', /credentials/],
    ['https://@github.com/o/r', /credentials/],
    ['https://github.com/o/r?ref=main', /query strings/],
    ['https://github.com/o/r?', /query strings/],
    ['https://github.com/o/r#readme', /fragments/],
    ['https://github.com:8443/o/r', /ports/],
    // odd text hidden by URL parsing
    ['https://git\nhub.com/o/r', /plain ASCII/],
    ['https://github.com/o/r\t', /plain ASCII/],
    ['https://github.com/o/r x', /plain ASCII/],
    ['https://github.com\\@evil.test/o/r', /backslashes/],
    // paths other than /owner/repo
    ['https://github.com/o', /expected https:\/\/<host>\/<owner>\/<repo>/],
    ['https://github.com/', /expected/],
    ['https://github.com', /expected/],
    ['https://github.com/o/r/tree/main', /expected/],
    ['https://github.com/o/r/pull/1', /expected/],
    ['https://github.com//r', /expected/],
    ['https://github.com/o/../r', /expected/],
    ['https://github.com/o/..', /not a valid repository name/],
    ['https://github.com/o/.', /not a valid repository name/],
    ['https://github.com/o/%2e%2e', /not a valid repository name/],
    ['https://github.com/-o/r', /not a valid owner name/],
    ['https://github.com/o_o/r', /not a valid owner name/],
    [`https://github.com/${'a'.repeat(40)}/r`, /not a valid owner name/],
    ['https://github.com/o/-r', /not a valid repository name/],
    [`https://github.com/o/${'r'.repeat(101)}`, /not a valid repository name/],
    ['https://github.com/o/r;id', /not a valid repository name/],
  ])('%j', (input, message) => {
    const error = catchError(() => parse(input));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('quotes the input short and without control characters', () => {
    const error = catchError(() => parse(`ext::sh -c "${'x'.repeat(500)}"\u001b[31m\u202e`));
    expect(error.message).toMatch(/^unsupported source "ext::sh -c "x+…": only https:\/\//);
    expect(error.message.length).toBeLessThan(160);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('can refuse local folders (sources from an issue body)', () => {
    expect(() => parseSource('submission', { cwd, allowLocal: false })).toThrow(/only https:\/\/ URLs are accepted/);
    expect(() => parseSource('..', { cwd, allowLocal: false })).toThrow(InputError);
    expect(() => parseSource('file:///etc', { cwd, allowLocal: false })).toThrow(
      /only https:\/\/ URLs on github\.com"?$/,
    );
  });
});

describe('parseSource: local folders', () => {
  it.each([
    ['submission', 'submission'],
    ['./submission/', 'submission'],
    ['has space', 'has space'],
    ['.', ''],
  ])('%j resolves against cwd', (input, relative) => {
    expect(parse(input)).toEqual({ kind: 'local', path: join(cwd, relative), display: input });
  });

  it('resolves .. like any relative path', () => {
    expect(parseSource('..', { cwd: join(cwd, 'submission') })).toMatchObject({ kind: 'local', path: cwd });
  });

  it('keeps absolute paths', () => {
    expect(parse(join(cwd, 'submission'))).toMatchObject({ kind: 'local', path: join(cwd, 'submission') });
  });

  it.each([
    ['missing', /^no such folder: missing$/],
    ['file.txt', /^no such folder: file\.txt \(it is not a folder\)$/],
    ['link-to-submission', /^no such folder: link-to-submission \(it is a symbolic link\)$/],
    ['github.com/o/r', /^no such folder: github\.com\/o\/r \(for a repository, use https:\/\/github\.com\/o\/r\)$/],
    ['/definitely/not/here', /^no such folder: \/definitely\/not\/here$/],
  ])('%j is an InputError', (input, message) => {
    const error = catchError(() => parse(input));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
  });

  it('rejects an empty source', () => {
    expect(() => parse('  ')).toThrow(/no source given/);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
