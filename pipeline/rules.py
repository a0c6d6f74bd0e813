"""Load rules/ once, strictly, into frozen objects.

Why strict: a duplicated YAML key silently overrides the first one, and a misspelt key is silently
ignored; both turn into wrong extractions weeks later. So duplicates and unknown keys are errors that
name the file. Why frozen: a module-level list mutated by one component leaks into every later run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from pipeline.errors import RulesError


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that rejects duplicate mapping keys. LibYAML's parser when PyYAML has it: the rules
    are ~150 kB of YAML, which the pure-Python parser reads in ~0.4 s of every process's start."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise RulesError(
                f"duplicate key {key!r} at line {key_node.start_mark.line + 1}"
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)

# YAML 1.1 reads on/off/yes/no (any case) as booleans, so the preposition "on" in a word list became True and the
# word never matched (review12 found four such entries). The rules are word lists: as in YAML 1.2, only true/false
# are booleans here, and every other bare word stays the string it is.
_BOOL_TAG = "tag:yaml.org,2002:bool"
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def freeze(value: Any) -> Any:
    """Deep-freeze YAML data: dicts become read-only mappings, lists become tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def check_keys(
    data: Mapping[str, Any],
    *,
    where: str,
    required: Iterable[str] = (),
    optional: Iterable[str] = (),
) -> None:
    """Raise RulesError naming ``where`` when a key is missing or unknown."""
    required = set(required)
    allowed = required | set(optional)
    missing = required - set(data)
    unknown = set(data) - allowed
    if missing:
        raise RulesError(f"{where}: missing key(s) {sorted(missing)}")
    if unknown:
        raise RulesError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def check_windows(data: Mapping[str, Any], *, where: str, keys: Iterable[str]) -> dict[str, int]:
    """A ``windows`` section: exactly ``keys``, each a whole number of characters >= 0 (a window that
    is a string or a float would slice wrongly, or raise in the middle of an article)."""
    check_keys(data, where=where, required=keys)
    for key, value in data.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise RulesError(f"{where}.{key}: want a whole number of characters >= 0, got {value!r}")
    return dict(data)


@dataclass(frozen=True)
class Rules:
    """All of rules/, parsed once. ``get("money")`` returns the frozen content of rules/money.yaml."""

    root: Path
    files: Mapping[str, Any]
    #: sha256 over every rules file's name and bytes: part of the incremental cache key.
    sha256: str
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def get(self, name: str) -> Any:
        try:
            return self.files[name]
        except KeyError:
            raise RulesError(f"{self.root / (name + '.yaml')}: rules file not found") from None

    def path(self, name: str) -> Path:
        return self.root / f"{name}.yaml"

    def derived(self, key: str, build: Any) -> Any:
        """Memoise something compiled from the rules (regexes, lookup tables): built once per Rules."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]


def parse_yaml_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: cannot read ({exc})") from exc
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except RulesError as exc:
        raise RulesError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: invalid YAML ({exc})") from None


@lru_cache(maxsize=8)
def _load(root: Path) -> Rules:
    if not root.is_dir():
        raise RulesError(f"{root}: rules directory not found")
    digest = hashlib.sha256()
    files: dict[str, Any] = {}
    for path in sorted(root.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
        data = parse_yaml_file(path)
        if not isinstance(data, dict):
            raise RulesError(f"{path}: top level must be a mapping")
        files[path.stem] = freeze(data)
    return Rules(root=root, files=MappingProxyType(files), sha256=digest.hexdigest())


def load_rules(root: Path | str) -> Rules:
    """Load (once per process and directory) every ``*.yaml`` file of ``root``."""
    return _load(Path(root).resolve())
