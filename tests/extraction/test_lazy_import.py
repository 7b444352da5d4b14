"""Importing the extraction types (as the schemas do) does not load spaCy."""

import subprocess
import sys

from service import extraction

CHECK = (
    "import sys; import service.extraction.types; import service.extraction as e; "
    "assert 'spacy' not in sys.modules, 'spacy loaded by the types'; "
    "e.Extractor; assert 'spacy' in sys.modules, 'Extractor did not load'"
)


def test_types_load_without_spacy_and_the_extractor_loads_it_on_use():
    done = subprocess.run(
        [sys.executable, "-c", CHECK], check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_an_unknown_name_is_an_attribute_error():
    assert not hasattr(extraction, "NoSuchThing")
