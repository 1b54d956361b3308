"""Krakow Desk: the partner-relations manager of the City of Krakow's international relations office."""

__version__ = "0.1.0"
