"""Run the test questions through the pipeline; report accuracy and mean latency.

Usage: ``python -m rag_service.evaluate [--questions PATH] [--output results.json]``

An answer counts as correct when every expected keyword appears in it after normalisation
(lower-case, punctuation stripped, whole words). Questions without keywords fall back to
the normalised expected answer appearing in the model's answer.
"""

import argparse
import json
import logging
import re
import statistics
import time
from pathlib import Path

from rag_service import config
from rag_service.generator import OllamaGenerator
from rag_service.ingest import read_jsonl
from rag_service.pipeline import answer_question
from rag_service.retriever import Retriever

logger = logging.getLogger(__name__)


def normalise(text: str) -> str:
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(text.split())


def is_correct(answer: str, expected_answer: str, keywords: list[str]) -> bool:
    haystack = f" {normalise(answer)} "
    needles = keywords or [expected_answer]
    return all(f" {normalise(needle)} " in haystack for needle in needles)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=config.TEST_QUESTIONS_PATH)
    parser.add_argument("--output", type=Path, default=Path("results.json"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    questions = read_jsonl(args.questions)
    if not questions:
        raise SystemExit(f"No questions in {args.questions}")

    retriever = Retriever.from_config()
    generator = OllamaGenerator()
    rows = []
    try:
        generator.generate("Reply with OK.")  # warm-up: loads the model into Ollama before timing
        for item in questions:
            start = time.perf_counter()
            result = answer_question(item["question"], retriever, generator)
            latency_s = time.perf_counter() - start
            correct = is_correct(result.answer, item["expected_answer"], item.get("keywords", []))
            logger.info("%s %s %.2fs", item["id"], "OK  " if correct else "MISS", latency_s)
            rows.append(
                {
                    "id": item["id"],
                    "question": item["question"],
                    "expected_answer": item["expected_answer"],
                    "answer": result.answer,
                    "correct": correct,
                    "latency_s": round(latency_s, 3),
                    "sources": [p.id for p in result.sources],
                }
            )
    finally:
        generator.close()

    n_correct = sum(row["correct"] for row in rows)
    accuracy = n_correct / len(rows)
    mean_latency_s = statistics.mean(row["latency_s"] for row in rows)
    summary = {
        "llm_model": config.LLM_MODEL,
        "embedding_model": config.EMBEDDING_MODEL,
        "top_k": config.TOP_K,
        "accuracy": round(accuracy, 3),
        "correct": n_correct,
        "total": len(rows),
        "mean_latency_s": round(mean_latency_s, 2),
        "results": rows,
    }
    args.output.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"accuracy {n_correct}/{len(rows)} ({accuracy:.0%}), mean latency {mean_latency_s:.1f} s")


if __name__ == "__main__":
    main()
