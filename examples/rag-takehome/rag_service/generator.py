"""Thin client for Ollama's non-streaming /api/generate endpoint."""

import httpx

from rag_service import config


class OllamaGenerator:
    def __init__(
        self,
        base_url: str = config.OLLAMA_URL,
        model: str = config.LLM_MODEL,
        timeout_s: float = config.OLLAMA_TIMEOUT_S,
    ) -> None:
        self.model = model
        timeout = httpx.Timeout(timeout_s, connect=5.0)
        self._client = httpx.Client(base_url=base_url, timeout=timeout)

    def generate(self, prompt: str) -> str:
        response = self._client.post(
            "/api/generate",
            json={
                "model": self.model,
                "prompt": prompt,
                "stream": False,
                "options": {"temperature": 0.1, "num_predict": 256},
            },
        )
        response.raise_for_status()
        return response.json()["response"].strip()

    def close(self) -> None:
        self._client.close()
