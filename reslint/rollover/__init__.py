"""The yearly technical update: last year's resolution -> the starting draft."""
