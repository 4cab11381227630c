import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Report } from '../report/build-report.js';
import { buildView } from './view-model.js';

const TEMPLATES = join(PACKAGE_ROOT, 'templates');

let compiled: Handlebars.TemplateDelegate | undefined;

/** The report as Markdown, from `templates/report.md.hbs` in an isolated, strict Handlebars. */
export function renderMarkdown(report: Report, permalinkBase: string | null = null): string {
  compiled ??= compile();
  return `${compiled(buildView(report, permalinkBase)).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function compile(): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  const partials = join(TEMPLATES, 'partials');
  for (const file of readdirSync(partials)) {
    if (file.endsWith('.md.hbs')) handlebars.registerPartial(file.replace(/\.md\.hbs$/, ''), readFileSync(join(partials, file), 'utf8').trimEnd());
  }
  return handlebars.compile(readFileSync(join(TEMPLATES, 'report.md.hbs'), 'utf8'), { strict: true, noEscape: true });
}
