"""steps/report."""
