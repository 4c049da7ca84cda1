"""The registry: clinical trials and publications stored once and cited by every language."""
