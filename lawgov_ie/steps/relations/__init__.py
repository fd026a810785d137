"""steps/relations."""
