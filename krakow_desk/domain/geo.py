"""Distances on the WGS-84 ellipsoid."""

from geopy.distance import geodesic


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(geodesic((lat1, lon1), (lat2, lon2)).km)
