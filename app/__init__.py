"""StationDesk (文明实践站前台): the front desk of a New Era Civilization Practice Station."""

from pathlib import Path

__version__ = "0.1.0"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
