"""What ladder shows, in each format: rich text for people, Markdown records, the JSON contract."""
