"""`python -m wheelsh ARGS...` runs as the `wheelsh` console script does."""
import sys

from wheelsh._launcher import main

sys.exit(main())
