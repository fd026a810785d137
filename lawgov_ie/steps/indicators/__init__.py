"""steps/indicators."""
