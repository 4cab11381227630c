import { describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/publish/comment-marker.js';
import { composeComment } from '../../src/publish/compose-comment.js';

const marker = commentMarker('issue');

describe('composeComment', () => {
  it('opens with the hidden marker and the lead, then each report in a collapsed section', () => {
    const body = composeComment({
      marker,
      lead: ['Two repositories.'],
      sections: [
        { heading: 'a/one', forms: ['# one\n\nfull'] },
        { heading: 'a/two', forms: ['# two\n\nfull'] },
      ],
      collapse: true,
    });
    expect(body).toBe(
      '<!-- candidate-review:issue -->\nTwo repositories.\n\n<details><summary>a/one</summary>\n\n# one\n\nfull\n\n</details>\n\n<details><summary>a/two</summary>\n\n# two\n\nfull\n\n</details>\n',
    );
  });

  it('steps the longest section down to a shorter form until the body fits, never cutting text', () => {
    const big = `\`\`\`\n${'x'.repeat(900)}\n\`\`\``;
    const body = composeComment(
      {
        marker,
        lead: [],
        sections: [
          { heading: 'big', forms: [big, 'big summary', 'big: one line'] },
          { heading: 'small', forms: ['small full', 'small one line'] },
        ],
        collapse: false,
      },
      300,
    );
    expect(body).toBe(`${marker}\n\nbig summary\n\nsmall full\n`);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(300);
  });

  it('counts the sections that still do not fit in a last line, within the limit (in bytes)', () => {
    const sections = Array.from({ length: 5 }, (_, i) => ({ heading: `r${i}`, forms: ['é'.repeat(60)] as [string] }));
    const body = composeComment({ marker, lead: [], sections, collapse: false }, 400);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(400);
    expect(body).toContain("_3 more reports not shown: the comment reached GitHub's size limit._");
    expect(body.match(/é{60}/g)).toHaveLength(2);
  });

  it('keeps the marker inert whatever subject it is given', () => {
    expect(commentMarker('report:o/r#1 --> <script>')).toBe('<!-- candidate-review:report:o/r#1-script -->');
  });
});
