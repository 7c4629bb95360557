"""`python -m newsarchive` runs the command line."""

import sys

from newsarchive.cli import main

sys.exit(main())
