"""Many recommendations from one CSV or JSON Lines file, streamed."""
