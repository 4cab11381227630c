from itertools import pairwise

import pytest

from rag_service.ingest import chunk_text


def test_short_text_is_one_chunk_with_whitespace_collapsed():
    assert chunk_text("How do I  reset\nmy password?", size=800, overlap=100) == [
        "How do I reset my password?"
    ]


def test_long_text_is_split_into_overlapping_chunks_without_losing_words():
    words = [f"word{i}" for i in range(300)]
    chunks = chunk_text(" ".join(words), size=200, overlap=40)

    assert len(chunks) > 1
    assert all(len(chunk) <= 200 for chunk in chunks)
    for previous, current in pairwise(chunks):
        assert previous[-20:] in current  # the tail of each chunk is repeated in the next one
    assert set(words) <= set(" ".join(chunks).split())


def test_overlap_must_be_smaller_than_chunk_size():
    with pytest.raises(ValueError):
        chunk_text("some text", size=100, overlap=100)
