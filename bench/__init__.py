"""Benchmarks behind `make bench`: whole top-ups end to end, and receipt history."""
