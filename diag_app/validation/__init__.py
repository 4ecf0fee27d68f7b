"""The one validation layer for what comes from outside: files read within limits
(``reading``), their JSON parsed within limits, and their shape checked against JSON Schemas
(``schemas``: assessment files and bundle members, bundle manifests, plans) before the model's
semantic checks. Every problem names its field and rule; the limits are in docs/limits.md.
"""

from .reading import JSON_LIMITS, JsonLimits, MiB, field_path, parse_json, read_input, walk_problems
from .schemas import (
    MAX_ANSWERS,
    MAX_MEMBERS,
    MAX_NOTE,
    MAX_PLANS,
    check_shape,
    is_timestamp,
    shape_problems,
)

__all__ = [
    "JSON_LIMITS",
    "MAX_ANSWERS",
    "MAX_MEMBERS",
    "MAX_NOTE",
    "MAX_PLANS",
    "JsonLimits",
    "MiB",
    "check_shape",
    "field_path",
    "is_timestamp",
    "parse_json",
    "read_input",
    "shape_problems",
    "walk_problems",
]
