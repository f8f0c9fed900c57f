"""Tvåtakt: the platform a city uses to run its digital transformation in two tempos."""

__version__ = "0.1.0"
