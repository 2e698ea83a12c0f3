"""Find, read, validate and cache a rules file; its JSON Schema."""
