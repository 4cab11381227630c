/**
 * Credentials with a recognisable shape. Every pattern is a literal prefix after a lookbehind
 * boundary, then one greedy character run with nothing after it (or a fixed count), so the
 * regex engine never backtracks: each candidate start costs O(1) to reject or O(run) to match,
 * and runs do not overlap. Shape checks that need more than that are done in `accept`.
 */
export interface TokenPattern {
  kind: string;
  /** Literals of which the line must contain one before the regex runs. */
  hints: string[];
  regex: RegExp;
  /** Whether a match of the regex is a real credential (not an identifier or a docs example). */
  accept(token: string): boolean;
}

const B = '(?<![A-Za-z0-9_-])';

const hasDigit = (s: string) => /[0-9]/.test(s);
const hasLetter = (s: string) => /[A-Za-z]/.test(s);
const alnum = (s: string) => /^[A-Za-z0-9]+$/.test(s);

export const TOKEN_PATTERNS: TokenPattern[] = [
  {
    kind: 'anthropic-key',
    hints: ['sk-ant-'],
    regex: new RegExp(`${B}sk-ant-[A-Za-z0-9_-]{20,}`, 'g'),
    accept: (t) => hasDigit(t.slice(7)),
  },
  {
    kind: 'openai-key',
    hints: ['sk-'],
    // sk-…, sk-proj-…, sk-svcacct-…, sk-admin-…; Anthropic's sk-ant- is the pattern above.
    regex: new RegExp(`${B}sk-(?!ant-)[A-Za-z0-9_-]{20,}`, 'g'),
    accept: (t) => {
      const body = t.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '');
      return body.length >= 20 && hasDigit(body) && hasLetter(body);
    },
  },
  {
    kind: 'stripe-live-key',
    hints: ['_live_'],
    regex: new RegExp(`${B}[rs]k_live_[A-Za-z0-9]{20,}`, 'g'),
    accept: () => true,
  },
  {
    kind: 'hf-token',
    hints: ['hf_'],
    regex: new RegExp(`${B}hf_[A-Za-z0-9_-]{30,}`, 'g'),
    // Real tokens are hf_ + 34 letters and digits; identifiers like hf_hub_download_… have `_`.
    accept: (t) => alnum(t.slice(3)) && /[a-z]/.test(t) && /[A-Z]/.test(t),
  },
  {
    kind: 'github-token',
    hints: ['gh', 'github_pat_'],
    regex: new RegExp(`${B}(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{20,}`, 'g'),
    accept: (t) => (t.startsWith('github_pat_') ? t.length >= 40 : alnum(t.slice(4)) && t.length >= 40),
  },
  {
    kind: 'slack-token',
    hints: ['xox'],
    regex: new RegExp(`${B}xox[abprs]-[A-Za-z0-9-]{10,}`, 'g'),
    accept: (t) => hasDigit(t.slice(5)),
  },
  {
    kind: 'google-api-key',
    hints: ['AIza'],
    regex: new RegExp(`${B}AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])`, 'g'),
    accept: () => true,
  },
  {
    kind: 'aws-access-key',
    hints: ['AKIA', 'ASIA'],
    regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    accept: () => true,
  },
];

/** `-----BEGIN … PRIVATE KEY-----` (RSA, EC, OPENSSH, ENCRYPTED, PGP … BLOCK); bounded, literal start. */
export const PRIVATE_KEY_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * A 40-character AWS secret access key standing on the same line as an access key id (a
 * credentials CSV, `id:secret` pairs). Fixed count between lookarounds: a failed start inside a
 * longer base64 run is rejected by the lookbehind in O(1).
 */
export const AWS_SECRET_BESIDE_ID = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
