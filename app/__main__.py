"""``python -m app``: the same as the ``station-desk`` command."""

import sys

from app.cli.main import main

sys.exit(main())
