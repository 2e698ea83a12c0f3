"""Proofs about a rules file: the answer space, its findings, properties, examples and diffs."""
