"""Selecting events: filters, URL parameters, counts and presentation order."""
