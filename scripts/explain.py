#!/usr/bin/env python3
"""Print how the extractor reads an article: each sentence with its status, trigger kind and mentions.

usage: explain.py FILE...   (a debugging aid for rule work; not part of the CLI)
"""

import sys

from kg.documents.reader import iter_documents
from kg.extract import segment, sentences


def main(paths: list[str]) -> None:
    for doc in iter_documents(paths):
        print(f"=== {doc.name} lang={doc.lang} published={doc.published}")
        sents = sentences.sentences(doc.text, doc.lang, doc.published)
        segs = segment.segment(sents, doc.lang, doc.published)
        first = {seg.trigger.i: n for n, seg in enumerate(segs)}
        for s in sents:
            cues = sorted({m.value for m in s.mentions if m.cat == "CUE"})
            other = sorted({f"{m.cat}:{m.value}" for m in s.mentions if m.cat not in ("CUE",)})
            mark = f"[M{first[s.i]}]" if s.i in first else ("[T]" if s.kind else "   ")
            print(f"{s.i:3} {mark} {s.kind or '-':18} {' '.join(s.text.split())[:220]}")
            print(f"          cues={cues} {other}")


if __name__ == "__main__":
    main(sys.argv[1:])
