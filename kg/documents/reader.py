"""Read ``.txt``/``.md`` (optional YAML front matter), ``.html`` (main text) and
``.jsonl`` (one article per line) files, and folders of them, recursively.

Every problem with one input raises ``InputError`` naming the file (and line);
``iter_documents`` reports it through ``on_error`` and goes on.  Text is UTF-8 (with or
without BOM), UTF-16 with BOM, or cp1251 / cp1254 when the bytes clearly are one of them;
anything else is refused with a clear error rather than decoded into mojibake.  Inputs above
``MAX_BYTES`` are refused (memory stays bounded): a ``.txt``/``.md``/``.html`` file, or one
line of a ``.jsonl`` file, which is read line by line whatever its size; so is an article whose
text is longer than ``MAX_CHARS``.  Binary files and non-regular files (pipes, devices) are refused
too.  Work is linear in the input: HTML is read by a one-pass tokenizer, YAML front matter without
aliases and nested at most ``MAX_FRONT_DEPTH`` levels, a ``.jsonl`` line nested too deeply is
skipped by its number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import yaml

from ..errors import InputError, printable, reason
from ..model import Document
from .langdetect import detect

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
LANGS = ("en", "ru", "tr", "tk")
MAX_BYTES = 20 * 1024 * 1024
#: characters of article text (after markup and front matter are removed): spaCy's ``nlp.max_length``,
#: which the extractor keeps (a 1,000,000-character article takes ~250 MB and ~1.5 s to extract)
MAX_CHARS = 1_000_000
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?", re.S)


def iter_documents(
    paths: Iterable[str | Path],
    on_error: Callable[[InputError], None] | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Document]:
    """Yield the documents under ``paths`` in a stable order (folders sorted, recursive); files of
    ``exclude`` met in a folder are left out (``kg build .`` never reads its own ``graph.html``)."""
    skip = {os.path.realpath(x) for x in exclude}
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(
                f
                for f in path.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and not (skip and os.path.realpath(f) in skip)
            )
            if not files:
                _report(on_error, InputError(f"{_q(path)}: no articles ({' '.join(SUFFIXES)}) in this folder"))
        elif path.exists():
            files = [path]
        else:
            _report(on_error, InputError(f"{_q(path)}: no such file or folder"))
            continue
        for f in files:
            try:
                yield from read_path(f, on_error)
            except InputError as exc:
                _report(on_error, exc)
            except Exception as exc:  # noqa: BLE001 - a bad input never stops the batch
                _report(on_error, InputError(f"{_q(f)}: cannot read ({type(exc).__name__}: {exc})"))


def _report(on_error: Callable[[InputError], None] | None, exc: InputError) -> None:
    if on_error is None:
        raise exc
    on_error(exc)


def _clean(text: str) -> str:
    """``text`` with lone surrogates (from a JSON ``\\ud800`` or an undecodable file name) and NUL
    replaced by U+FFFD, so it can be encoded, hashed and stored; offsets do not move."""
    return _UNSTORABLE.sub("\ufffd", text)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _shown(path: Path | str) -> str:
    """A path as text: bytes of a file name that are not UTF-8 shown as ``\\xNN`` (so two such names stay
    distinct), any other unstorable character as U+FFFD."""
    text = str(path)
    try:
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a lone surrogate that did not come from the file system
        pass
    return _clean(text)


def _q(path: Path | str) -> str:
    """A path for a one-line message: printable, with newlines and escape sequences shown escaped."""
    return printable(_shown(path))


def read_path(path: Path, on_error: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """The documents in one file (several for ``.jsonl``)."""
    if not path.is_file():
        raise InputError(f"{_q(path)}: not a regular file")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _json_lines(path, on_error)
        return
    raw = _read_bytes(path)
    text = decode(raw, path)
    if not text.strip():
        raise InputError(f"{_q(path)}: empty file, no text")
    meta, body, offset = split_front_matter(text, path)
    if suffix in (".html", ".htm"):
        title, body, offset = html_page(body)
        meta.setdefault("title", title)
    if not body.strip():
        raise InputError(
            f"{_q(path)}: no article text"
            + (" in the page" if offset == 0 and suffix in (".html", ".htm") else " after the front matter")
        )
    yield make_document(_shown(path.name), _shown(path), body, meta, offset)


def _json_lines(path: Path, on_error: Callable[[InputError], None] | None) -> Iterator[Document]:
    """The articles of a ``.jsonl`` file, read line by line (any file size, at most ``MAX_BYTES`` a
    line in memory); a bad line is reported with its number and the others go on."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{_q(path)}: cannot read ({exc.strerror or exc})") from exc
    with fh:
        head = fh.read(4096)
        if b"\x00" in head:
            raise InputError(f"{_q(path)}: binary file, not text (JSON Lines are UTF-8)")
        fh.seek(0)
        n = lines = 0
        while True:
            try:
                raw = fh.readline(MAX_BYTES + 1)
            except OSError as exc:
                raise InputError(f"{_q(path)}: cannot read ({exc.strerror or exc})") from exc
            if not raw:
                break
            n += 1
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                while (rest := fh.readline(2**20)) and not rest.endswith(b"\n"):
                    pass
                lines += 1
                _report(on_error, InputError(f"{_q(path)}: line {n}: longer than the {MAX_BYTES // 2**20} MB limit"))
                continue
            if not raw.strip():
                continue
            lines += 1
            try:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        line = decode(raw, path)
                    except InputError:
                        raise InputError(f"{_q(path)}: line {n}: not UTF-8 text") from None
                doc = _from_json(line, path, n)
            except InputError as exc:
                _report(on_error, exc)
                continue
            yield doc
    if not lines:
        raise InputError(f"{_q(path)}: empty file, no text")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{_q(path)}: file is {size // 2**20} MB, larger than the {MAX_BYTES // 2**20} MB limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{_q(path)}: cannot read ({exc.strerror or exc})") from exc


#: control bytes that plain text may contain (tab, newlines, form feed, escape)
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r\x1b")
#: non-letters expected in cp1251 / cp1254 text (quotes, dashes, numero, no-break space, ...)
_LEGACY_PUNCT = frozenset("«»–—„“”‘’‚…№•·\xa0°§©®€™±")
#: letters of cp1251 (Cyrillic: 0xC0-0xFF, Ё 0xA8, ё 0xB8) and of cp1254 (Turkish letters live there too)
_HIGH_RUN = re.compile(rb"[\xc0-\xff\xa8\xb8]+")


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1251 or cp1254 when the bytes clearly
    are one of them (Russian words are runs of high bytes; Turkish letters sit alone among ASCII
    ones); otherwise ``InputError``, never mojibake."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{_q(path)}: broken UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    sample = raw[:65536]
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if b"\x00" in raw[:4096] or controls > max(8, len(sample) // 20):
        raise InputError(f"{_q(path)}: binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    runs = [len(r) for r in _HIGH_RUN.findall(raw)]
    enc = "cp1251" if sum(n for n in runs if n >= 3) * 2 >= sum(runs) > 0 else "cp1254"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{_q(path)}: unknown text encoding (not UTF-8, cp1251 or cp1254: byte "
            f"0x{raw[exc.start]:02x} at {exc.start})"
        ) from exc
    wide = [ch for ch in text if ord(ch) >= 0x80]
    odd = sum(1 for ch in wide if not ch.isalpha() and ch not in _LEGACY_PUNCT)
    if odd > max(3, len(wide) // 4):
        raise InputError(f"{_q(path)}: unknown text encoding (not UTF-8, and neither cp1251 nor cp1254 fits)")
    return text


#: nesting depth of front matter (a flat mapping of a few keys is all an article needs)
MAX_FRONT_DEPTH = 20


class _FrontMatterLoader(yaml.SafeLoader):
    """The safe loader, bounded: aliases (``*name``, the "billion laughs" expansion) are refused and
    nesting is limited to ``MAX_FRONT_DEPTH``, so loading front matter costs at most its size."""

    _depth = 0

    def compose_node(self, parent, index):  # PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        self._depth += 1
        try:
            if self._depth > MAX_FRONT_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_FRONT_DEPTH} levels", self.peek_event().start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """(metadata, body, body offset) of a text with optional YAML front matter."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, 0
    try:
        meta = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" line {line + 2}:" if line is not None else ""
        detail = " ".join(x for x in (getattr(exc, "context", None), getattr(exc, "problem", None)) if x)
        raise InputError(f"{_q(path)}:{where} broken front matter ({detail or reason(exc)})") from exc
    except (ValueError, OverflowError) as exc:  # a date YAML reads as one but that does not exist
        raise InputError(f"{_q(path)}: broken front matter (not a real date: {reason(exc)})") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{_q(path)}: front matter is not a mapping")
    return meta, text[m.end() :], m.end()


def _from_json(line: str, path: Path, n: int) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{_q(path)}: line {n}: not JSON ({exc.msg})") from exc
    except RecursionError:  # the C decoder stops at the interpreter's recursion limit
        raise InputError(f"{_q(path)}: line {n}: JSON nested too deeply") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f"{_q(path)}: line {n}: expected an object with a 'text' string")
    if not obj["text"].strip():
        raise InputError(f"{_q(path)}: line {n}: empty 'text'")
    name = obj.get("name") or obj.get("document") or f"{path.name}#{n}"
    if isinstance(name, list | dict):
        raise InputError(f"{_q(path)}: line {n}: 'name' is not text")
    return make_document(str(name), f"{path}#{n}", obj["text"], obj, 0, where=f"{_q(path)}: line {n}")


def make_document(name: str, path: str, body: str, meta: dict, offset: int, where: str | None = None) -> Document:
    """A ``Document`` of ``body`` with the metadata ``meta``; ``InputError`` (naming ``where``, default
    ``path``) when ``published`` is not a real date in range or ``title``/``url`` are not text."""
    where = where or printable(path)
    if len(body) > MAX_CHARS:
        raise InputError(
            f"{where}: the text is {len(body):,} characters, more than the {MAX_CHARS:,}-character "
            "limit of an article (split it)"
        )
    body = _clean(body)
    lang = str(meta.get("lang") or meta.get("language") or "").lower()[:2]
    if lang not in LANGS:
        lang = detect(body)
    try:
        published = _date(meta.get("published") or meta.get("date"))
        url, title = _str(meta.get("url"), "url"), _str(meta.get("title"), "title")
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
    return Document(
        name=_clean(name),
        path=_clean(path),
        text=body,
        lang=lang,
        url=url,
        published=published,
        title=title,
        text_offset=offset,
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _str(v: object, key: str) -> str | None:
    """A text field: strings, numbers and dates as text; a list or a mapping is an error."""
    if v is None:
        return None
    if isinstance(v, list | dict | set | tuple):
        raise ValueError(f"'{key}' is a {'list' if not isinstance(v, dict) else 'mapping'}, expected text")
    return _clean(str(v)).strip() or None


#: published dates accepted: the years a date in the text can have (``kg/extract/dates.py``), which
#: also keeps "today", "yesterday" and weekdays resolved against it, and meeting dates ± 1 day, in range
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2099, 12, 31)


def _date(v: object) -> str | None:
    """The ISO date of ``published``: a date, or text starting with YYYY-MM-DD (``ValueError`` when that
    is not a real day, or outside ``FIRST_DATE`` .. ``LAST_DATE``); other values are ignored."""
    if isinstance(v, dt.datetime):
        day: dt.date | None = v.date()
    elif isinstance(v, dt.date):
        day = v
    elif isinstance(v, str) and (m := re.match(r"\s*(\d{4}-\d{2}-\d{2})", v)):
        try:
            day = dt.date.fromisoformat(m.group(1))
        except ValueError:
            raise ValueError(f"published date {m.group(1)!r} is not a real day") from None
    else:
        return None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"published date {day.isoformat()!r} is outside {FIRST_DATE.year}-{LAST_DATE.year}")
    return day.isoformat()


#: elements whose text is not article text
_SKIP = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg", "iframe", "template"}
)
#: elements that end a paragraph
_BLOCK = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section", "blockquote"}
)
#: elements whose content is raw text up to their end tag
_RAW = frozenset({"script", "style"})
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
#: the rest of a tag after its name, up to ``>``: a quoted attribute value (after ``=``) may hold ``>``, a
#: stray quote elsewhere is a plain character; atomic and possessive, so no backtracking search
_TAG_REST = re.compile(r"""(?>=\s*+"[^"]*+"|=\s*+'[^']*+'|[^>])*+>""")
_RAW_END = {tag: re.compile(f"</{tag}", re.I) for tag in _RAW}


def _tokens(html: str) -> Iterator[tuple[str, str]]:
    """``("text", data)``, ``("start", tag)`` and ``("end", tag)`` of a page, in one left-to-right pass
    (linear in the page size whatever the markup: the stdlib ``HTMLParser`` rescans unclosed
    constructs and is quadratic on them).  As in a browser, an unclosed comment, tag or raw-text
    element runs to the end of the page; character references are decoded."""
    i, n = 0, len(html)
    while i < n:
        j = html.find("<", i)
        if j < 0:
            yield "text", html[i:]
            return
        if j > i:
            yield "text", html[i:j]
        if html.startswith("<!--", j):
            k = html.find("-->", j + 4)
            if k < 0:
                return
            i = k + 3
            continue
        m = _TAG.match(html, j)
        if m is None:
            if html.startswith(("<!", "<?"), j):  # doctype, CDATA, processing instruction
                k = html.find(">", j + 2)
                if k < 0:
                    return
                i = k + 1
            else:  # a lone "<" is text
                yield "text", "<"
                i = j + 1
            continue
        rest = _TAG_REST.match(html, m.end())
        if rest is None:
            return
        i = rest.end()
        tag = m.group(2).lower()
        if m.group(1):
            yield "end", tag
            continue
        yield "start", tag
        if rest.group().endswith("/>"):  # <svg ... />
            yield "end", tag
        elif tag in _RAW:
            end = _RAW_END[tag].search(html, i)
            if end is None:
                return
            i = end.start()


@dataclass(slots=True)
class _Page:
    """The text of a page: title, all readable text, and the text of its first ``<article>``/``<main>``."""

    title: list[str]
    parts: list[str]
    main: list[str] | None


def _parse_html(html: str) -> _Page:
    """One pass over ``html``: scripts, styles and navigation dropped, paragraph breaks kept, and the
    first ``<article>`` or ``<main>`` element read on its own (with its own skip state, so a page
    wrapped in a ``<form>`` still gives its article)."""
    page = _Page([], [], None)
    skip = main_skip = 0
    in_title = False
    main_tag: str | None = None  # the element being read into page.main
    depth = 0
    for kind, value in _tokens(html):
        if kind == "text":
            data = unescape(value)
            if in_title:
                page.title.append(data)
                continue
            if not skip:
                page.parts.append(data)
            if main_tag and not main_skip:
                page.main.append(data)
            continue
        tag, start = value, kind == "start"
        if main_tag is None and start and page.main is None and tag in ("article", "main"):
            main_tag, depth, page.main = tag, 0, []
        reading = main_tag is not None  # the element's own end tag included
        if main_tag == tag:
            depth += 1 if start else -1
            if depth <= 0:
                main_tag = None
        if tag in _SKIP:
            if start:
                skip += 1
                main_skip += bool(main_tag)
            else:
                skip = max(skip - 1, 0)
                main_skip = max(main_skip - 1, 0)
        elif tag == "title":
            in_title = start
        elif tag in _BLOCK:
            page.parts.append("\n\n")
            if reading:
                page.main.append("\n\n")
    return page


_SPACES = re.compile(r"\s+")
_INLINE_SPACE = re.compile(r"[ \t\r\f\v]+")


def _spaces(m: re.Match[str]) -> str:
    """A run of white space: a paragraph break when it holds two line breaks, else collapsed."""
    run = m.group()
    if run.count("\n") >= 2:
        return "\n\n"
    return _INLINE_SPACE.sub(" ", run)


def html_page(html: str) -> tuple[str | None, str, int]:
    """(title, readable text, 0) of a page, parsed once: scripts, styles and navigation dropped;
    the ``<article>`` or ``<main>`` element when there is one."""
    page = _parse_html(html)
    title = " ".join("".join(page.title).split()) or None
    parts = page.main if page.main is not None and "".join(page.main).strip() else page.parts
    return title, _SPACES.sub(_spaces, "".join(parts)).strip(), 0
