"""steps/entities."""
