/** Mini-repositories shared by the rag check tables. */

/** A retrieval step, so that the submission counts as RAG (`stack.rag`). */
export const CHROMA_QUERY = `import chromadb
client = chromadb.PersistentClient(path="db")
col = client.get_or_create_collection("qa")
hits = col.query(query_texts=["q"], n_results=3)
`;

/** An ordinary web application: no RAG anywhere. */
export const WEB_APP = {
  'app.py': `from flask import Flask, jsonify, request
app = Flask(__name__)
USERS = {"sources": [], "answer": None}

@app.route("/users", methods=["POST"])
def add_user():
    users = request.json["users"]
    chunks = [users[i:i + 10] for i in range(0, len(users), 10)]
    return jsonify({"answer": len(chunks), "sources": ["db"]})
`,
  'web/server.ts': `import express from "express";
const app = express();
app.get("/search", (req, res) => res.json({ answer: 1, sources: [] }));
`,
};

/** Reports in a stable order (by place, then message id), for tables that expect several. */
export function sorted<T extends { at: string; messageId: string }>(reports: T[]): T[] {
  return [...reports].sort((a, b) => a.at.localeCompare(b.at) || a.messageId.localeCompare(b.messageId));
}
