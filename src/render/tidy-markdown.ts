/**
 * Runs of blank lines left by empty template sections collapse to one, with one trailing newline.
 * Every line the view produces is a single line, so nothing inside a code span or cell changes.
 */
export function tidyMarkdown(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
