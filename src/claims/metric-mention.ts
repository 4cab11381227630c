import { canonicalMetric, METRIC_WORD } from './claim-vocabulary.js';

/** A measured result in prose: "accuracy 92%", "F1 of 0.81", "+15% accuracy", "latency halved". */
export interface MetricMention {
  /** Canonical metric name: `accuracy`, `f1`, `recall@5`, `latency`. */
  metric: string;
  /** The value as written, compacted: `95%`, `0.81`, `8/10`, `+15%`, `-40%`, `halved`, `200 ms`. */
  value: string;
  /** The number a results file would hold, when the value is a score rather than a change. */
  score: number | null;
  /** The smallest difference the claim's precision can tell apart (0.5 for `92%`, 0.005 for `0.81`). */
  tolerance: number;
  /** Whether `score` is a percentage (92) rather than a fraction (0.92). */
  percent: boolean;
  /** Offset of the metric word. */
  index: number;
}

// Windows around a metric word are short (≤ 48 characters), so these patterns' work per mention is bounded.
const NUMBER = /(\d{1,4})\s?(?:\/|out of)\s?(\d{1,4})(?![\w/])|([+\-−]?)(\d{1,4}(?:[.,]\d{1,4})?)\s?(%|pp|percentage points?|points|ms|milliseconds|seconds|secs?|s|x|×|tokens?\/s|req(?:uests)?\/s|rps|qps)?(?![\w/])/gi;
const CHANGE_WORD = /\b(halved|doubled|tripled|quadrupled)\b/i;
const DOWN = /\b(?:reduc|decreas|drop|dropp|cut|fell|lower|shrank|shrunk)\w{0,4}\s{1,3}(?:by\s{1,3})?$/i;
const UP = /\b(?:improv|increas|gain|boost|rais|rose|higher|went up)\w{0,4}\s{1,3}by\s{1,3}$/i;
const COUNT_AFTER = /^\s{0,2}(?:questions?|queries|samples?|examples?|items?|documents?|docs|chunks?|epochs?|steps?|tokens?(?!\/)|passages?|test|pairs?|runs?|gb|mb|k\b)/i;

/** Every metric with a number next to it in a sentence (at most `max`). */
export function metricMentions(sentence: string, max = 10): MetricMention[] {
  const out: MetricMention[] = [];
  for (const match of sentence.matchAll(METRIC_WORD)) {
    const metric = canonicalMetric(match[1]!);
    const end = match.index + match[0].length;
    const mention = valueAfter(sentence, end, metric) ?? valueBefore(sentence, match.index, metric);
    if (mention) out.push({ metric, index: match.index, ...mention });
    if (out.length >= max) break;
  }
  return out;
}

type Value = Omit<MetricMention, 'metric' | 'index'>;

function valueAfter(sentence: string, end: number, metric: string): Value | null {
  let window = sentence.slice(end, end + 48);
  const stop = window.search(/[.!?;](?:\s|$)/);
  if (stop >= 0) window = window.slice(0, stop);
  const change = CHANGE_WORD.exec(window);
  const numbers = [...window.matchAll(NUMBER)];
  for (let n = 0; n < numbers.length; n++) {
    const number = numbers[n]!;
    if (change && change.index < number.index) break;
    // "from 70% to 85%": the result is the second number.
    const next = numbers[n + 1];
    if (next && /^\s{0,2}(?:to|→|->)\s{0,2}$/.test(window.slice(number.index + number[0].length, next.index))) continue;
    if (COUNT_AFTER.test(window.slice(number.index + number[0].length))) continue;
    const before = window.slice(0, number.index);
    const sign = number[3] ? signOf(number[3]) : DOWN.test(before) ? '-' : UP.test(before) ? '+' : '';
    const value = valueOf(number, sign, metric);
    if (value) return value;
  }
  return change ? changeValue(change[1]!) : null;
}

function valueBefore(sentence: string, start: number, metric: string): Value | null {
  const window = sentence.slice(Math.max(0, start - 40), start);
  const change = /\b(halved|doubled)\s{1,3}(?:the\s{1,3})?$/i.exec(window);
  if (change) return changeValue(change[1]!);
  // "92% accuracy", "a 15% improvement in accuracy", "8/10 correct", "2x lower latency".
  const numbers = [...window.matchAll(NUMBER)];
  const last = numbers[numbers.length - 1];
  if (!last) return null;
  const between = window.slice(last.index + last[0].length);
  if (!/^\s{0,3}(?:(?:improvement|increase|gain|boost|reduction|decrease|drop|higher|better|lower|faster|slower|in|of|on|the|absolute|relative|overall|mean|average|test|top-1|answer)\s{1,3}){0,4}$/i.test(between)) return null;
  const sign = last[3] ? signOf(last[3]) : /^\s{0,3}(?:reduction|decrease|drop|lower)/i.test(between) ? '-' : /^\s{0,3}(?:improvement|increase|gain|boost|higher|better)/i.test(between) ? '+' : '';
  return valueOf(last, sign, metric);
}

function signOf(written: string): string {
  return written === '+' ? '+' : '-';
}

function changeValue(word: string): Value {
  return { value: word.toLowerCase(), score: null, tolerance: 0, percent: false };
}

/** A matched number as a claim value; null when it cannot be this metric's value. */
function valueOf(match: RegExpMatchArray, sign: string, metric: string): Value | null {
  if (match[1] !== undefined) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    if (b === 0 || a > b) return null;
    return { value: `${a}/${b}`, score: (a / b) * 100, tolerance: 0.5, percent: true };
  }
  const digits = match[4]!.replace(',', '.');
  const number = Number(digits);
  const unit = (match[5] ?? '').toLowerCase();
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const tolerance = 0.5 * 10 ** -decimals;
  const operational = metric === 'latency' || metric === 'throughput';
  if (unit === '%' || unit.startsWith('p')) {
    if (!sign && number > 100) return null;
    const value = `${sign}${digits}${unit === '%' ? '%' : ' pp'}`;
    return { value, score: sign ? null : number, tolerance, percent: true };
  }
  if (unit === 'x' || unit === '×') return { value: `${digits}x`, score: null, tolerance: 0, percent: false };
  if (unit) return operational ? { value: `${sign}${digits} ${unit}`, score: sign ? null : number, tolerance, percent: false } : null;
  // A bare number: a fraction for scores (0.81), any number for perplexity.
  if (metric === 'perplexity' && !sign) return { value: digits, score: number, tolerance, percent: false };
  if (!operational && digits.includes('.') && number <= 1) return { value: `${sign}${digits}`, score: sign ? null : number, tolerance, percent: false };
  return null;
}
