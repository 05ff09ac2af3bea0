"""Which surface forms name the same thing: a union-find over normalisation keys.

Lexicon forms of one entry are one group; an abbreviation pair joins its two forms
corpus-wide ("Token Merging (ToMe)" once makes every "ToMe" an alias), unless the short
form is a lexicon name of something else.

Example:
    >>> g = AliasGroups(); g.union("ToMe", "Token Merging"); g.find("tome") == g.find("token-merging")
    True
"""

from __future__ import annotations

from kg.resolve.normalise import norm_key


class AliasGroups:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        key = norm_key(name)
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low
