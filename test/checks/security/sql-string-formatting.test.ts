import { describe, expect, it } from 'vitest';
import sqlStringFormatting from '../../../checks/security/sql-string-formatting.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const concern = (at: string) => ({ kind: 'concern', messageId: 'formatted', at });

describe('security/sql-string-formatting', () => {
  it.each<{ name: string; files: Record<string, string>; expected: object[] }>([
    { name: 'an f-string in cursor.execute', files: { 'db.py': 'import sqlite3\nconn = sqlite3.connect("qa.db")\n\ndef find(question):\n    cur = conn.cursor()\n    cur.execute(f"SELECT answer FROM qa WHERE question = \'{question}\'")\n' }, expected: [concern('db.py:6')] },
    { name: '% formatting', files: { 'db.py': 'def find(cur, q):\n    cur.execute("SELECT * FROM docs WHERE id = %s" % q)\n' }, expected: [concern('db.py:2')] },
    { name: '.format()', files: { 'db.py': 'def find(cur, q):\n    cur.execute("DELETE FROM docs WHERE id = {}".format(q))\n' }, expected: [concern('db.py:2')] },
    { name: 'concatenation', files: { 'db.py': 'def find(cur, q):\n    cur.execute("SELECT * FROM docs WHERE title = \'" + q + "\'")\n' }, expected: [concern('db.py:2')] },
    { name: 'a query built a line above', files: { 'db.py': 'def find(cur, q):\n    sql = f"SELECT * FROM docs WHERE title = \'{q}\'"\n    cur.execute(sql)\n' }, expected: [concern('db.py:3')] },
    { name: 'SQLAlchemy text() over an f-string, once', files: { 'db.py': 'from sqlalchemy import text\n\ndef find(session, q):\n    return session.execute(text(f"SELECT * FROM docs WHERE title = \'{q}\'"))\n' }, expected: [concern('db.py:4')] },
    { name: 'pandas read_sql', files: { 'db.py': 'import pandas as pd\n\ndef load(conn, table):\n    return pd.read_sql(f"SELECT * FROM {table}", conn)\n' }, expected: [concern('db.py:4')] },
  ])('reports $name', async ({ files, expected }) => {
    expect(await reportsOf(sqlStringFormatting, files)).toEqual(expected);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'bound parameters', files: { 'db.py': 'def find(cur, q):\n    cur.execute("SELECT * FROM docs WHERE id = ?", (q,))\n    cur.execute("SELECT * FROM docs WHERE id = %s", (q,))\n' } },
    { name: 'a constant statement', files: { 'db.py': 'def setup(cur):\n    cur.execute("CREATE TABLE qa (question TEXT, answer TEXT)")\n' } },
    { name: 'an f-string that is not SQL', files: { 'agent.py': 'def run(executor, task):\n    executor.execute(f"Summarise {task}")\n' } },
    { name: 'SQL formatting in a test', files: { 'tests/test_db.py': 'def test_find(cur):\n    cur.execute(f"SELECT * FROM t WHERE id = {1}")\n' } },
    { name: 'prose and comments', files: { 'README.md': 'Avoid cur.execute(f"SELECT {x}").\n', 'db.py': '# cur.execute(f"SELECT * FROM t WHERE id = {x}")\nx = 1\n' } },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(sqlStringFormatting, files)).toEqual([]);
  });

  it('names the interpolated value and asks about a quote in it', async () => {
    const [finding] = await findingsOf(sqlStringFormatting, { 'db.py': 'def find(cur, question):\n    sql = f"SELECT answer FROM qa WHERE question = \'{question}\'"\n    cur.execute(sql)\n' });
    expect(finding!.message).toBe("`cur.execute(…)` runs SQL built with an f-string from `question`; a value containing a quote changes the query");
    expect(finding!.question).toMatch(/^`db\.py:3` builds its SQL with an f-string — what happens if `question` contains/);
  });
});
