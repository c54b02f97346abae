"""Start-up of the extractor: spaCy is imported without its command-line package, which
still loads on first use; new words get no lexical attributes the rules never read."""

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_spacy_cli_is_not_imported():
    out = _run("import sys, kg.extract.pipeline; m = sys.modules; print('spacy' in m, 'spacy.cli' in m, 'typer' in m)")
    assert out == "True False False"


def test_spacy_cli_still_loads_on_use():
    out = _run(
        "import kg.extract.pipeline, spacy, spacy.cli; print(callable(spacy.cli.download), callable(spacy.info))"
    )
    assert out == "True True"


def test_blank_pipeline_still_tokenizes_like_spacy():
    from kg.extract.pipeline import nlp_for
    from kg.extract.spacy_import import load

    spacy = load()
    text = "Mr. Lavrov's talks with R. Meredov (Ashgabat, 12.03.2024) — don't e-mail info@mfa.gov.tm"
    assert [t.text for t in nlp_for("en")(text)] == [t.text for t in spacy.blank("en")(text)]


def test_package_import_loads_nothing():
    # the HTML step folds search keys with kg.extract.normalize: no spaCy, no rdflib for that
    out = _run("import sys, kg.extract, kg.extract.normalize; print('spacy' in sys.modules, 'rdflib' in sys.modules)")
    assert out == "False False"


def test_extract_from_the_cache_imports_no_rdflib(tmp_path):
    code = (
        "import sys; from kg.model import Document; from kg.extract import extract; "
        "extract(Document(name='a', path='a', text='Meredov met Lavrov in Moscow.', lang='en', published=None)); "
        "print('rdflib' in sys.modules)"
    )
    import os

    env = {**os.environ, "KG_CACHE": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # fills the cache
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"
