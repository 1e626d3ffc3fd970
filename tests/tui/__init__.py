"""Functional tests of the terminal UI: Pilot tests, snapshots and the import boundary."""
