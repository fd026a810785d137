"""steps/quantities."""
