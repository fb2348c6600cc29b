"""`python -m geomap` runs the command line."""

from geomap.cli import main

main()
