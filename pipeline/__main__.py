"""``python -m pipeline`` is the same as the ``newsfacts`` console script."""

from pipeline.cli import main

raise SystemExit(main())
