"""steps/labels."""
