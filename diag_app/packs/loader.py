"""Reads a questionnaire pack folder into model objects, validating every file.

One reader module per pack file (``read_meta`` for pack.yaml, ``read_structure``,
``read_requirements``, ``read_indicators``, ``read_conditions``, ``read_scenarios``,
``read_industries``, ``read_tiers``, ``read_measures``, ``read_profile``, ``read_catalogue``); this module runs
them in order, handing each the ids it refers to.

All problems are collected, not just the first, and each names the file, the item id and the
field, so whoever edits the YAML can fix a whole batch in one pass.
"""

from __future__ import annotations

from pathlib import Path

from ..model.questionnaire import Pack
from .problems import PackError, PackProblem
from .read_catalogue import read_catalogue
from .read_conditions import read_conditions
from .read_indicators import read_indicators
from .read_industries import read_industries
from .read_measures import read_measures
from .read_meta import read_meta, read_weights
from .read_profile import read_profile
from .read_requirements import read_requirements
from .read_scenarios import read_scenarios
from .read_structure import read_structure
from .read_tiers import read_tiers
from .reader import Reader

__all__ = ["PackError", "PackProblem", "load_pack"]


def load_pack(root: str | Path) -> Pack:
    """Load and validate the pack in ``root``; raise PackError with every problem found."""
    r = Reader(Path(root))
    try:
        return _load(r)
    except PackError:
        raise
    except (AttributeError, TypeError, KeyError, ValueError) as e:
        # A value of the wrong shape deep in a file (a list where a mapping belongs, say):
        # report what was collected so far plus the shape error rather than a traceback.
        r.problem(r.current or "?", "", "", "pack.problem.structure", error=type(e).__name__, detail=str(e))
        raise PackError(r.problems) from None


def _load(r: Reader) -> Pack:
    meta = read_meta(r)
    structure = read_structure(r)
    subdomains = structure.subdomains
    weights = read_weights(r, meta, subdomains)
    requirements = read_requirements(r, subdomains)
    indicators = read_indicators(r, subdomains)
    conditions = read_conditions(r)
    links, scenarios = read_scenarios(r, subdomains)
    industries, industry_requirements = read_industries(r, subdomains)
    requirements += industry_requirements
    tiers = read_tiers(r, indicators, {c.id for c in conditions}, subdomains, {lk.id for lk in links})
    measures, national_measures, qualifications = read_measures(r)
    profile = read_profile(r, requirements, indicators)
    ratings = tuple(rt.value for rt in meta.scoring.ratings if rt.value is not None and rt.value > 0)
    categories, catalog = read_catalogue(
        r,
        subdomains,
        {i.id: i for i in indicators},
        {s.id for s in scenarios},
        industries,
        measures,
        requirements,
        profile,
        ratings,
    )

    if r.problems:
        raise PackError(r.problems)
    return Pack(
        id=meta.id,
        version=meta.version,
        format=meta.format,
        name=meta.name,
        elements=structure.elements,
        domains=structure.domains,
        subdomains=subdomains,
        requirements=tuple(requirements),
        indicators=tuple(indicators),
        conditions=tuple(conditions),
        links=tuple(links),
        scenarios=tuple(scenarios),
        industries=industries,
        paths=meta.paths,
        weights=weights,
        scoring=meta.scoring,
        tiers=tiers.shanghai,
        national_tiers=tiers.national,
        categories=categories,
        catalog=catalog,
        measures=measures,
        national_measures=national_measures,
        distribution=tiers.distribution,
        distribution_source=tiers.distribution_source,
        profile=profile,
        qualifications=qualifications,
    )
