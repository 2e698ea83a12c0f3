"""The tool's own words in Swedish and English, and the choice of language."""
