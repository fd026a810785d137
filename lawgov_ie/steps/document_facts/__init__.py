"""steps/document_facts."""
