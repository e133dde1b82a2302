"""Country names for the UI: CLDR short names from babel ("Russland", not the formal name)."""

from functools import lru_cache

import pycountry
from babel import Locale

from events.locale import normalize_lang


@lru_cache(maxsize=1024)
def country_name(alpha3: str, lang: str = "de") -> str:
    """Short common name of an ISO alpha-3 country in `lang`; the code itself if unknown."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    territories = Locale.parse(normalize_lang(lang)).territories
    return territories.get(country.alpha_2, getattr(country, "common_name", country.name))


def country_names(codes, lang: str = "de") -> dict[str, str]:
    """Map each code in `codes` to its name in `lang`."""
    return {code: country_name(code, lang) for code in codes}
