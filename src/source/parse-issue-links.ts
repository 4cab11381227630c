import { InputError } from '../errors.js';
import { parseSource, type Source } from './parse-source.js';
import { visibleLines } from './visible-lines.js';

export type RemoteSource = Extract<Source, { kind: 'remote' }>;

/** A link that was seen but will not be reviewed, and why (one line, safe to show). */
export interface IgnoredLink {
  text: string;
  reason: string;
}

export interface IssueLinks {
  /** Distinct repositories, in the order they first appear, at most `max`. */
  sources: RemoteSource[];
  ignored: IgnoredLink[];
}

export interface ParseIssueLinksOptions {
  /** The GitHub web host the app serves (`github.com`, or a GitHub Enterprise Server host). */
  host: string;
  /** Repositories reviewed at most; the rest are listed as ignored. Default {@link MAX_ISSUE_REPOSITORIES}. */
  max?: number;
}

/** Repositories one issue may ask for: each is a clone and a review. */
export const MAX_ISSUE_REPOSITORIES = 10;
/** Characters of an issue body read for links (GitHub allows 65,536). */
const MAX_BODY_CHARS = 65_536;
/** Links looked at, counting duplicates and rejects: a body of ten thousand links stays cheap. */
const MAX_LINKS_SEEN = 500;
/** First path segments of github.com pages that are not owners. */
const RESERVED_OWNERS = new Set([
  'about', 'apps', 'codespaces', 'collections', 'customer-stories', 'enterprise', 'events', 'explore', 'features',
  'issues', 'join', 'login', 'marketplace', 'new', 'notifications', 'organizations', 'orgs', 'pricing', 'pulls',
  'search', 'security', 'settings', 'site', 'sponsors', 'topics', 'trending',
]);

/**
 * The GitHub repository links in an issue body (a CV excerpt) → validated remote sources. Links
 * inside fenced code, `>` quotes and HTML comments are not read (text nobody sees as a request);
 * `github.com/owner/repo`, with or without a scheme, `.git`, or a deeper path (`/tree/main`), is
 * one repository; duplicates (case-insensitive) count once; past `max` the rest are ignored with
 * a reason. Every candidate link goes through {@link parseSource} with local paths refused, so
 * nothing from the body reaches git as written.
 */
export function parseIssueLinks(body: string, options: ParseIssueLinksOptions): IssueLinks {
  const host = options.host.toLowerCase();
  const max = options.max ?? MAX_ISSUE_REPOSITORIES;
  const link = linkPattern(host);
  const sources: RemoteSource[] = [];
  const ignored: IgnoredLink[] = [];
  const seen = new Set<string>();
  let looked = 0;

  for (const line of visibleLines(body.slice(0, MAX_BODY_CHARS))) {
    for (const match of line.matchAll(link)) {
      if (++looked > MAX_LINKS_SEEN) {
        ignored.push({ text: `${looked - 1}+ links`, reason: `only the first ${MAX_LINKS_SEEN} links are read` });
        return { sources, ignored };
      }
      const owner = match[1]!;
      const repo = match[2]!.replace(/\.+$/, '').replace(/\.git$/i, '');
      const text = `${host}/${owner}/${repo}`;
      if (RESERVED_OWNERS.has(owner.toLowerCase()) || repo === '') continue;
      const id = text.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      let source: Source;
      try {
        source = parseSource(`https://${host}/${owner}/${repo}`, { cwd: '/', allowedHosts: [host], allowLocal: false });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ignored.push({ text, reason: error.message });
        continue;
      }
      if (source.kind !== 'remote') continue;
      if (sources.length >= max) ignored.push({ text: source.display, reason: `only the first ${max} repositories are reviewed` });
      else sources.push(source);
    }
  }
  return { sources, ignored };
}

/** `[scheme://][www.]<host>/<owner>/<repo>`, not preceded by a host or path character (no `evilgithub.com`, no `evil.test/github.com`). Linear: no nested quantifiers. */
function linkPattern(host: string): RegExp {
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9.@/-])(?:https?://)?(?:www\\.)?${escaped}/([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100})(?![A-Za-z0-9_-])`, 'gi');
}
