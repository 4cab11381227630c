import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { assignedValue, at, formatting, interpolatedNames } from '../../src/facts/queries/security.js';
import type { PyValue } from '../../src/facts/types.js';

/** Calls that run SQL text: DB-API cursors and connections, SQLAlchemy `text()`, pandas `read_sql`. */
const SQL_RUNNERS = /^(execute|executemany|executescript|exec_driver_sql|read_sql|read_sql_query|raw|fetch|fetchrow|fetchval)$/;
const SQL_TEXT = /^sqlalchemy(\.sql)?(\.expression)?\.text$/;
const SQL_WORDS = /\b(select\s[\s\S]*\bfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table|drop\s+table|where\s)\b/i;

const HOW: Record<string, string> = { 'f-string': 'an f-string', '%': '`%` formatting', '.format': '`.format()`', '+': 'string concatenation' };

export default defineCheck({
  id: 'security/sql-string-formatting',
  docs: 'Reports SQL statements built by string formatting (f-strings, `%`, `.format()`, `+`) and passed to `execute(...)`, `text(...)` or `read_sql(...)`, instead of bound parameters.',
  messages: {
    formatted: '`{{call}}` runs SQL built with {{how}} from `{{values}}`; a value containing a quote changes the query',
  },
  questions: {
    formatted: '`{{at}}` builds its SQL with {{how}} — what happens if `{{first}}` contains `\' OR 1=1 --`, and how would you pass it as a parameter instead?',
  },
  *run({ facts }) {
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const sqlText = SQL_TEXT.test(plainCallee(call.callee));
        if (!sqlText && !SQL_RUNNERS.test(call.name)) continue;
        let statement: PyValue | undefined = call.args[0] ?? call.kwargs['sql'] ?? call.kwargs['statement'] ?? call.kwargs['query'];
        // `query = f"SELECT … {x}"` a few lines above `cur.execute(query)`
        if (statement?.kind === 'name') statement = assignedValue(module, statement.text, call.evidence.line, call.scope);
        if (!statement) continue;
        const how = formatting(statement);
        if (!how || !SQL_WORDS.test(statement.text)) continue;
        // `execute(text(f"…"))` is reported once, at `text(…)`.
        if (!sqlText && statement.kind === 'call' && /(^|\.)text\(/.test(statement.text)) continue;
        const values = interpolatedNames(statement);
        if (!values.length) continue;
        yield {
          kind: 'concern',
          messageId: 'formatted',
          evidence: statement.evidence.line === call.evidence.line ? [call.evidence] : [call.evidence, statement.evidence],
          data: { call: `${call.raw}(…)`, how: HOW[how]!, values: values.slice(0, 3).join('`, `'), first: values[0]!, at: at(call.evidence) },
        };
      }
    }
  },
});
