"""Settings, read from environment variables with defaults that work in docker compose."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.getenv("DATA_DIR", str(PROJECT_ROOT / "data")))
QA_PAIRS_PATH = DATA_DIR / "qa_pairs.jsonl"
TEST_QUESTIONS_PATH = DATA_DIR / "test_questions.jsonl"

EMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "sentence-transformers/all-MiniLM-L6-v2")
LLM_MODEL = os.getenv("LLM_MODEL", "llama3.2")
OLLAMA_URL = os.getenv("OLLAMA_URL", "http://ollama:11434")
OLLAMA_TIMEOUT_S = float(os.getenv("OLLAMA_TIMEOUT_S", "60"))

CHROMA_DIR = os.getenv("CHROMA_DIR", str(PROJECT_ROOT / "chroma_db"))
COLLECTION_NAME = os.getenv("COLLECTION_NAME", "support_qa")

# Retrieval and chunking parameters (chosen in notebooks/exploration.ipynb).
TOP_K = 4
CHUNK_SIZE = 800
CHUNK_OVERLAP = 100
