"""``python -m app``: the same as the ``station-desk`` command."""

import sys

from app.cli import main

sys.exit(main())
