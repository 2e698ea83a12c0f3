"""The terminal interview: its state, its keys and its prompts (the only questionary user)."""
