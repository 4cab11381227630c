import { describe, expect, it } from 'vitest';
import { extractDockerfile, isDockerfilePath } from '../../../src/facts/dockerfile/extract-dockerfile.js';

function dockerfile(text: string, path = 'Dockerfile') {
  return extractDockerfile({ path, text, bytes: Buffer.byteLength(text) });
}

describe('isDockerfilePath', () => {
  it.each([
    ['Dockerfile', true],
    ['services/api/Dockerfile', true],
    ['Dockerfile.gpu', true],
    ['docker/serve.Dockerfile', true],
    ['inference.dockerfile', true],
    ['Containerfile', true],
    ['dockerfile', true],
    ['.dockerignore', false],
    ['docs/Dockerfile.md', false],
    ['docker-compose.yml', false],
    ['MyDockerfileNotes.txt', false],
  ])('%s → %s', (path, expected) => {
    expect(isDockerfilePath(path)).toBe(expected);
  });
});

describe('extractDockerfile', () => {
  it('reads a multi-stage build with flags, stages, digests and variables', () => {
    const facts = dockerfile(
      [
        '# syntax=docker/dockerfile:1.6',
        'ARG BASE=python:3.11-slim',
        'FROM --platform=linux/amd64 ${BASE} AS build',
        'WORKDIR /src',
        'from nvidia/cuda:12.1.0-runtime-ubuntu22.04@sha256:0123abcd as Runtime',
        'FROM localhost:5000/team/img:1.0',
        'FROM python:${PY_VERSION}-slim',
        'FROM ${BASE_IMAGE:-python:3.11}',
        'FROM ghcr.io/huggingface/text-generation-inference@sha256:feed',
        'FROM scratch',
        'COPY --from=build /src/app /app',
      ].join('\n'),
    );
    expect(facts.path).toBe('Dockerfile');
    expect(facts.instructions.map((i) => i.keyword)).toEqual(['ARG', 'FROM', 'WORKDIR', 'FROM', 'FROM', 'FROM', 'FROM', 'FROM', 'FROM', 'COPY']);
    expect(facts.instructions[1]).toMatchObject({ args: '--platform=linux/amd64 ${BASE} AS build', line: 3, endLine: 3 });
    expect(facts.from.map(({ image, tag, digest, stage }) => ({ image, tag, digest, stage }))).toEqual([
      { image: '${BASE}', tag: null, digest: null, stage: 'build' },
      { image: 'nvidia/cuda', tag: '12.1.0-runtime-ubuntu22.04', digest: 'sha256:0123abcd', stage: 'Runtime' },
      { image: 'localhost:5000/team/img', tag: '1.0', digest: null, stage: null },
      { image: 'python', tag: '${PY_VERSION}-slim', digest: null, stage: null },
      { image: '${BASE_IMAGE:-python:3.11}', tag: null, digest: null, stage: null },
      { image: 'ghcr.io/huggingface/text-generation-inference', tag: null, digest: 'sha256:feed', stage: null },
      { image: 'scratch', tag: null, digest: null, stage: null },
    ]);
    expect(facts.from[1]!.evidence).toEqual({
      path: 'Dockerfile',
      line: 5,
      snippet: 'from nvidia/cuda:12.1.0-runtime-ubuntu22.04@sha256:0123abcd as Runtime',
    });
  });

  it('joins continuation lines and drops comments between them', () => {
    const facts = dockerfile(
      [
        'FROM python:3.11-slim',
        '# install system packages',
        'RUN apt-get update && \\',
        '    # curl for the health check',
        '    apt-get install -y --no-install-recommends curl \\',
        '',
        ' && rm -rf /var/lib/apt/lists/*',
        'CMD ["uvicorn", "app:app", \\',
        '     "--port", "8000"]',
      ].join('\n'),
    );
    expect(facts.instructions.slice(1)).toEqual([
      {
        keyword: 'RUN',
        args: 'apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
        line: 3,
        endLine: 7,
        evidence: { path: 'Dockerfile', line: 3, snippet: 'RUN apt-get update && \\' },
      },
      {
        keyword: 'CMD',
        args: '["uvicorn", "app:app", "--port", "8000"]',
        line: 8,
        endLine: 9,
        evidence: { path: 'Dockerfile', line: 8, snippet: 'CMD ["uvicorn", "app:app", \\' },
      },
    ]);
  });

  it('keeps heredoc bodies inside their instruction', () => {
    const facts = dockerfile(
      ['FROM ubuntu:22.04', 'RUN <<EOF', 'apt-get update', 'FROM not-an-instruction', 'EOF', 'COPY <<-EOT /app/x.txt', '  hello', 'EOT', 'EXPOSE 8000'].join('\n'),
    );
    expect(facts.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 5],
      ['COPY', 6, 8],
      ['EXPOSE', 9, 9],
    ]);
    expect(facts.instructions[1]!.args).toBe('<<EOF\napt-get update\nFROM not-an-instruction\nEOF');
    expect(facts.from).toHaveLength(1);
  });

  it('honours the escape directive', () => {
    const facts = dockerfile(['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN dir `', '    C:\\'].join('\n'));
    expect(facts.instructions[1]).toMatchObject({ keyword: 'RUN', args: 'dir C:\\', line: 3, endLine: 4 });
  });

  it.each([
    ['empty', ''],
    ['only a backslash', '\\'],
    ['a bare FROM', 'FROM\nFROM --platform=$BUILDPLATFORM\nFROM a AS'],
    ['binary-looking junk', Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
    ['an unterminated heredoc', 'FROM x\nRUN <<EOF\necho hi\n'],
    ['a trailing continuation', 'FROM python\nRUN echo \\'],
    ['a very long line', `RUN ${'a \\" '.repeat(50_000)}`],
  ])('does not throw on %s', (_, text) => {
    const facts = dockerfile(text);
    expect(Array.isArray(facts.instructions)).toBe(true);
    for (const f of facts.from) expect(typeof f.image).toBe('string');
  });

  it('skips a bare FROM and keeps the image of FROM … AS without a name', () => {
    const facts = dockerfile('FROM\nFROM a AS');
    expect(facts.from.map((f) => [f.image, f.stage])).toEqual([['a', null]]);
  });
});
