"""Support-QA RAG prototype: Chroma retrieval + an Ollama-served LLM behind FastAPI."""
