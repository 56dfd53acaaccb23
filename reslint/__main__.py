import sys

from reslint.cli import main

sys.exit(main())
