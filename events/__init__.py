"""Domain package of the classroom timeline: schema, fuzzy dates, the curated table, extraction.

It never imports streamlit, so everything here is fast to test on its own.
"""
