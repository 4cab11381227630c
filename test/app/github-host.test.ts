import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { githubHost } from '../../src/app/github-host.js';

describe('githubHost', () => {
  it.each([
    [{}, { apiUrl: 'https://api.github.com', webHost: 'github.com', protocol: 'https' }],
    [{ GHE_PROTOCOL: 'https' }, { apiUrl: 'https://api.github.com', webHost: 'github.com', protocol: 'https' }],
    [{ GHE_HOST: 'GHE.Example.com' }, { apiUrl: 'https://ghe.example.com/api/v3', webHost: 'ghe.example.com', protocol: 'https' }],
    // a loopback test server: the API on its port, clone URLs on the bare host (the test transport reroutes them)
    [{ GHE_HOST: 'localhost:4000', GHE_PROTOCOL: 'http' }, { apiUrl: 'http://localhost:4000/api/v3', webHost: 'localhost', protocol: 'http' }],
  ])('%j → %j', (env, expected) => {
    expect(githubHost(env)).toEqual(expected);
  });

  it.each([
    [{ GHE_HOST: 'https://ghe.example.com' }, 'GHE_HOST must be a host name such as github.example.com (no scheme, path or credentials)'],
    [{ GHE_HOST: 'ghe.example.com/api/v3' }, 'GHE_HOST must be a host name such as github.example.com (no scheme, path or credentials)'],
    [{ GHE_HOST: 'user:pw@ghe.example.com' }, 'GHE_HOST must be a host name such as github.example.com (no scheme, path or credentials)'],
    [{ GHE_HOST: 'ghe.example.com:8443' }, 'GHE_HOST may name a port only for a loopback test server (localhost:<port>)'],
    [{ GHE_HOST: 'localhost:99999', GHE_PROTOCOL: 'http' }, 'GHE_HOST may name a port only for a loopback test server (localhost:<port>)'],
    [{ GHE_HOST: 'github.com' }, 'GHE_HOST names github.com: leave it unset for github.com'],
    [{ GHE_HOST: 'ghe.example.com', GHE_PROTOCOL: 'ftp' }, 'GHE_PROTOCOL must be https (or http for a loopback test server)'],
    // plain http would send the installation token in the clear
    [{ GHE_HOST: 'ghe.example.com', GHE_PROTOCOL: 'http' }, 'GHE_PROTOCOL=http is accepted only for a loopback GHE_HOST (a test server); use https'],
  ])('refuses %j', (env, message) => {
    expect(() => githubHost(env)).toThrow(new InputError(message));
  });
});
