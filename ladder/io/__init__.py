"""Safe reading and writing at the edges: strict JSON, bounded input, atomic files."""
