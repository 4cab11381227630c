import { InputError } from '../errors.js';

/** Where the app talks to GitHub: the API, and the host its repositories are cloned from. */
export interface GitHubHost {
  /** REST API base without a trailing slash: `https://api.github.com` or `<protocol>://<GHE_HOST>/api/v3`. */
  apiUrl: string;
  /** Lower-case host of web and clone URLs (`https://<webHost>/<owner>/<repo>`): `github.com`, or GHE_HOST without a port. */
  webHost: string;
  protocol: 'https' | 'http';
}

/** Probot's variables for GitHub Enterprise Server. */
export interface GitHubHostEnv {
  GHE_HOST?: string | undefined;
  GHE_PROTOCOL?: string | undefined;
}

/** A DNS name or IPv4 address, with an optional port; nothing else (no scheme, path or credentials). */
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/;
const LOOPBACK = /^(?:localhost|127\.0\.0\.1)$/;

/**
 * GHE_HOST / GHE_PROTOCOL → the one GitHub this app serves (github.com when GHE_HOST is unset),
 * as Probot reads them (GHE_PROTOCOL alone changes nothing). API calls and clone URLs follow that
 * host and only that host. A port and plain http are accepted only for a loopback host (a test
 * server: the API on its port, clones through the test transport), never for a real one, whose
 * clone URLs name no port and whose installation tokens must not cross the network in the clear.
 * Throws an InputError naming the variable.
 */
export function githubHost(env: GitHubHostEnv): GitHubHost {
  const rawProtocol = env.GHE_PROTOCOL?.trim() || 'https';
  if (rawProtocol !== 'https' && rawProtocol !== 'http') {
    throw new InputError('GHE_PROTOCOL must be https (or http for a loopback test server)');
  }
  const rawHost = env.GHE_HOST?.trim() ?? '';
  if (rawHost === '') {
    return { apiUrl: 'https://api.github.com', webHost: 'github.com', protocol: 'https' };
  }
  const host = rawHost.toLowerCase();
  if (host.length > 259 || !HOST.test(host)) {
    throw new InputError('GHE_HOST must be a host name such as github.example.com (no scheme, path or credentials)');
  }
  if (host === 'github.com' || host === 'api.github.com') {
    throw new InputError('GHE_HOST names github.com: leave it unset for github.com');
  }
  const [name, port] = host.split(':') as [string, string | undefined];
  const loopback = LOOPBACK.test(name);
  if (port !== undefined && (!loopback || Number(port) < 1 || Number(port) > 65535)) {
    throw new InputError('GHE_HOST may name a port only for a loopback test server (localhost:<port>)');
  }
  if (rawProtocol === 'http' && !loopback) {
    throw new InputError('GHE_PROTOCOL=http is accepted only for a loopback GHE_HOST (a test server); use https');
  }
  return { apiUrl: `${rawProtocol}://${host}/api/v3`, webHost: name, protocol: rawProtocol };
}
