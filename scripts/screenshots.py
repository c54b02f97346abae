"""Screenshots of the graph.html explorer for the README, one per view, in headless chromium.

    .venv/bin/python scripts/screenshots.py [ARTICLES...] [--out exports/] [--lang en]

Builds ARTICLES (default: ``../shared/corpus/texts`` when present, plus ``examples/``) into a
temporary store, opens the page and writes ``explorer-timeline.png``, ``explorer-graph.png`` and
``explorer-overview.png`` to ``--out``. Only this script writes them; the tests never do.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "export"))

from chromium_cdp import Browser, find_chromium  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="*", type=Path, help="files or folders of articles")
    ap.add_argument("--out", type=Path, default=ROOT / "exports", help="folder for the PNG files (default exports/)")
    ap.add_argument("--lang", default="en", choices=["en", "ru", "tk", "tr"], help="language of the page")
    args = ap.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("screenshots: chromium is not installed (scripts/install.sh --test)", file=sys.stderr)
        return 2
    from kg.cli import main as kg

    articles = args.articles or [
        p for p in (ROOT.parent / "shared" / "corpus" / "texts", ROOT / "examples") if p.exists()
    ]
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as tmp:
        out = Path(tmp) / "out"
        code = kg(
            [
                "build",
                *map(str, articles),
                "--store",
                str(Path(tmp) / "store"),
                "--out",
                str(out),
                "--no-validate",
                "--lang",
                args.lang,
            ]
        )
        if code not in (0, 1):
            return code
        html = out / "graph.html"
        args.out.mkdir(parents=True, exist_ok=True)
        with Browser(chromium, width=1400, height=860) as b:
            b.open(html)
            data = b.js("explorer.data")
            shots = []
            # timeline: everything, a commission session selected
            sessions = [
                i
                for i, n in enumerate(data["nodes"])
                if n["c"] == 0 and n.get("k") == "commission-session" and n.get("d")
            ]
            if sessions:
                b.js(f"explorer.select({max(sessions, key=lambda i: data['nodes'][i]['d'])}); 0")
            b.js("explorer.timeline().fit({animation: false}); 0")
            time.sleep(1.0)
            shots.append(b.screenshot(args.out / "explorer-timeline.png"))
            # graph: the latest meeting, grown by one click on a co-chair
            b.js("explorer.setView('graph'); 0")
            time.sleep(1.5)
            focus = b.js("explorer.state.focus")
            cochair = next((e[1] for e in data["edges"] if e[0] == focus and e[2] == "cochair"), None)
            if cochair is not None:
                b.js(
                    f"explorer.network().selectNodes([{cochair}]);"
                    f" explorer.network().body.emitter.emit('click', {{nodes: [{cochair}], edges: []}}); 0"
                )
                time.sleep(2.5)
                b.js("explorer.network().fit({animation: false}); 0")
                time.sleep(0.5)
            shots.append(b.screenshot(args.out / "explorer-graph.png"))
            # overview charts
            b.js("explorer.setView('overview'); 0")
            time.sleep(0.8)
            shots.append(b.screenshot(args.out / "explorer-overview.png"))
            errors = b.errors()
    for s in shots:
        print(f"wrote {s}")
    if errors:
        print(f"screenshots: the page reported errors: {errors[:3]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
