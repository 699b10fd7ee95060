"""Properties of the distribution (hypothesis): the parts always add up to the total; raising one Sozialraum's
indicator never lowers its share (its index and its exact quota; the rounded amount by at most one step); equal
indicators give equal parts (up to one step)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from network.verteilung import bedarfsindex, hare_niemeyer
from network.verteilung.verfahren import Zuteilung

IDS = [f"sr-{c}" for c in "abcdefgh"]
INDIKATOREN = ["i1", "i2", "i3", "i4"]

werte_st = st.integers(min_value=0, max_value=5000)
gewicht_st = st.sampled_from([0, 0.5, 1, 1, 2, 3, 10])


@st.composite
def tabellen(draw, min_sr: int = 2):
    """(ids, werte[ind][sr], gewichte) with at least one usable indicator."""
    n = draw(st.integers(min_value=min_sr, max_value=len(IDS)))
    ids = IDS[:n]
    inds = INDIKATOREN[:draw(st.integers(min_value=1, max_value=len(INDIKATOREN)))]
    werte = {i: {s: draw(werte_st) for s in ids} for i in inds}
    gewichte = {i: draw(gewicht_st) for i in inds}
    assume(any(gewichte[i] and sum(werte[i].values()) for i in inds))
    return ids, werte, gewichte


@st.composite
def zuteilungen(draw):
    """(ids, werte, gewichte, total, minimum) with minimum * n <= total."""
    ids, werte, gewichte = draw(tabellen())
    total = draw(st.integers(min_value=0, max_value=10_000_000))
    minimum = draw(st.integers(min_value=0, max_value=total // len(ids)))
    if draw(st.booleans()):
        minimum = 0
    return ids, werte, gewichte, total, minimum


def _verteile(ids, werte, gewichte, total, minimum) -> tuple[dict, Zuteilung]:
    index = bedarfsindex(werte, gewichte, ids).index
    return index, hare_niemeyer(index, total, minimum)


@settings(max_examples=300, deadline=None)
@given(zuteilungen())
def test_teile_ergeben_immer_die_summe(fall):
    ids, werte, gewichte, total, minimum = fall
    index, z = _verteile(*fall)
    assert sum(index.values()) == 1
    assert sum(z.teile.values()) == total
    assert all(t >= minimum for t in z.teile.values())
    assert sum(z.quoten.values()) == total
    # every part is its exact quota rounded down or up
    assert all(z.quoten[s] - 1 < z.teile[s] < z.quoten[s] + 1 for s in ids)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(IDS), st.fractions(min_value=0, max_value=100), min_size=1),
       st.integers(min_value=0, max_value=100_000))
def test_teile_ergeben_die_summe_auch_bei_beliebigen_schluesseln(gewichte, total):
    assert sum(hare_niemeyer(gewichte, total).teile.values()) == total


@settings(max_examples=300, deadline=None)
@given(zuteilungen(), st.data())
def test_mehr_bedarf_senkt_den_anteil_nie(fall, data):
    ids, werte, gewichte, total, minimum = fall
    s = data.draw(st.sampled_from(ids), label="Sozialraum")
    i = data.draw(st.sampled_from([k for k in werte if gewichte[k]]), label="Indikator")
    plus = data.draw(st.integers(min_value=1, max_value=5000), label="mehr")
    vorher_index, vorher = _verteile(ids, werte, gewichte, total, minimum)
    hoeher = {k: dict(v) for k, v in werte.items()}
    hoeher[i][s] += plus
    nachher_index, nachher = _verteile(ids, hoeher, gewichte, total, minimum)
    assert nachher_index[s] >= vorher_index[s]
    assert nachher.quoten[s] >= vorher.quoten[s]
    assert nachher.teile[s] >= vorher.teile[s] - 1


@settings(max_examples=300, deadline=None)
@given(zuteilungen(), st.data())
def test_gleiche_indikatoren_gleiche_teile(fall, data):
    ids, werte, gewichte, total, minimum = fall
    a, b = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True), label="Paar")
    for v in werte.values():
        v[b] = v[a]
    assume(any(gewichte[i] and sum(werte[i].values()) for i in werte))
    index, z = _verteile(ids, werte, gewichte, total, minimum)
    assert index[a] == index[b]
    assert z.quoten[a] == z.quoten[b]
    assert abs(z.teile[a] - z.teile[b]) <= 1
