import { parseSource, type Source } from '../source/parse-source.js';

/**
 * The Source of a repository named by a webhook payload, on the app's GitHub host only. Payload
 * names go through {@link parseSource} like any other text, so only a rebuilt URL reaches git.
 */
export function remoteSource(host: string, owner: string, repo: string): Source {
  return parseSource(`https://${host}/${owner}/${repo}`, { cwd: '/', allowedHosts: [host], allowLocal: false });
}
