"""Side registries and claim summaries shared by the extraction rule tests."""


def registry(*sides):
    """A side registry from (name, aliases) pairs, with ids s0, s1, ..."""
    return [
        {"id": f"s{i}", "name": name, "aliases": list(aliases)}
        for i, (name, aliases) in enumerate(sides)
    ]


def said(claims):
    """{(speaker name, side name)} of extracted claims."""
    return {(c["speaker"]["name"], c["side_name"]) for c in claims}
