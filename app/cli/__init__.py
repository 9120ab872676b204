"""``station-desk``: ``main`` holds the parser and dispatches each sub-command to its handler
in the module of its area (residents, deeds, points, vouchers, documents, admin, desk,
station); ``support`` is all the handlers share."""
