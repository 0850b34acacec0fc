"""Moved to claimcmp.text.outfile; this old name stays an alias of that module (the same
module object, private names and monkeypatching included) so existing imports keep working."""
import sys

from claimcmp.text import outfile as _module

sys.modules[__name__] = _module
