#!/usr/bin/env python3
"""Show, per article, the facts the extractor got wrong against the dev corpus gold.

usage: corpus_diff.py PRED.jsonl GOLD_DIR [ARTICLE_PREFIX...]
Uses the scorer of the corpus (``score.py`` beside GOLD_DIR) for pairing and facts.
"""

import importlib.util
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    pred_path, gold_dir, *only = argv[1:]
    here = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "score.py"
    spec = importlib.util.spec_from_file_location("score", here)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    pred, gold = sc.load(pred_path), sc.load(gold_dir)
    for doc in sorted(gold):
        if only and not any(doc.startswith(o) for o in only):
            continue
        g, p = gold[doc], pred.get(doc, {})
        keys = sc.pair(p.get("meetings") or [], g.get("meetings") or [])
        gf, gp = sc.facts(g, doc)
        pf, pp = sc.facts(p, doc, keys)
        lines = []
        for f in sc.FIELDS:
            if f == "cochair":
                continue
            for x in sorted(pf[f] - gf[f], key=str):
                lines.append(f"  + {f} {x[1:]}")
            for x in sorted(gf[f] - pf[f], key=str):
                lines.append(f"  - {f} {x[1:]}")
        gpp = {(k[1], s, c) for k, s, c in gp}
        ppp = {(k[1], s, c) for k, s, c in pp}
        for x in sorted(ppp - gpp, key=str):
            lines.append(f"  + cochair {x}")
        for x in sorted(gpp - ppp, key=str):
            lines.append(f"  - cochair {x}")
        if lines:
            print(f"{doc}: pred {len(p.get('meetings') or [])} gold {len(g.get('meetings') or [])}")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
