"""steps/sections."""
