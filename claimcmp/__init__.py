"""claimcmp: extract dated, normalized claims from news and compare two accounts."""
__version__ = "0.1.0"
