"""The data model: row schema, the one calendar, fuzzy (EDTF) dates, country and theme lists."""
