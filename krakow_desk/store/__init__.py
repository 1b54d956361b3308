"""Engines, sessions, migrations and file locations. No Qt."""
