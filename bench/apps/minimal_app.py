"""The reference for bench_load.py: the smallest Streamlit + Plotly app with one filter.

It reads the same events table and draws one scatter of the selected events, so the load
benchmark can tell what our app costs beyond Streamlit and Plotly themselves.
"""

from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

TABLE = Path(__file__).resolve().parents[2] / "events" / "data" / "events.csv"

events = pd.read_csv(TABLE, dtype=str).fillna("")
with st.sidebar:
    level = st.radio("Wichtigkeit", ["alle", "wichtig"], horizontal=True)
if level == "wichtig":
    events = events[events["importance"].astype(int) >= 2]
dates = pd.to_datetime(events["date"].str[:10], errors="coerce", format="mixed")
lanes = events["themes"].str.split(";").str[0]
figure = px.scatter(x=dates, y=lanes, hover_name=events["title_de"])
st.plotly_chart(figure, width="stretch")
