import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../package-root.js';

const TEMPLATES = join(PACKAGE_ROOT, 'templates');

/**
 * `templates/<file>` compiled in its own `Handlebars.create()` — strict (a missing field throws),
 * `noEscape` (the view model has escaped everything) — with the partials of `templates/partials`
 * whose names end in `partialSuffix` (`.md.hbs`, `.html.hbs`). No helpers: templates only use each/if.
 */
export function compileTemplate<T>(file: string, partialSuffix: string): Handlebars.TemplateDelegate<T> {
  const handlebars = Handlebars.create();
  const partials = join(TEMPLATES, 'partials');
  for (const name of readdirSync(partials).sort()) {
    if (name.endsWith(partialSuffix)) handlebars.registerPartial(name.slice(0, -partialSuffix.length), readFileSync(join(partials, name), 'utf8'));
  }
  return handlebars.compile<T>(readFileSync(join(TEMPLATES, file), 'utf8'), { strict: true, noEscape: true });
}

/** A file of `templates/` as text (the HTML report's stylesheet). */
export function readTemplateFile(file: string): string {
  return readFileSync(join(TEMPLATES, file), 'utf8');
}
