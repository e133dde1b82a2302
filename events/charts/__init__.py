"""Plotly figures built from the filtered events (timeline, countries)."""
