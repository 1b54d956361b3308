"""Distances on the WGS-84 ellipsoid."""


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Imported here: geopy's package import pulls in every geocoder (60 ms of the window's start)
    from geopy.distance import geodesic
    return float(geodesic((lat1, lon1), (lat2, lon2)).km)
