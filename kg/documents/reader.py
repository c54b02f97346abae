"""Read ``.txt``/``.md`` (optional YAML front matter), ``.html`` (main text) and
``.jsonl`` (one article per line) files, and folders of them, recursively.

Every problem with one input raises ``InputError`` naming the file (and line);
``iter_documents`` reports it through ``on_error`` and goes on.  Text is UTF-8 (with or
without BOM), UTF-16 with BOM, or cp1251 / cp1254 when the bytes clearly are one of them;
anything else is refused with a clear error rather than decoded into mojibake.  Articles above
``MAX_BYTES`` are refused (memory stays bounded): a ``.txt``/``.md``/``.html`` file, or one
line of a ``.jsonl`` file, which is read line by line whatever its size.  Binary files and
non-regular files (pipes, devices) are refused too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import yaml

from ..errors import InputError, reason
from ..model import Document
from .langdetect import detect

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
LANGS = ("en", "ru", "tr", "tk")
MAX_BYTES = 20 * 1024 * 1024
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?", re.S)


def iter_documents(paths: Iterable[str | Path], on_error: Callable[[InputError], None] | None = None
                   ) -> Iterator[Document]:
    """Yield the documents under ``paths`` in a stable order (folders sorted, recursive)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not files:
                _report(on_error, InputError(f"{path}: no articles ({' '.join(SUFFIXES)}) in this folder"))
        elif path.exists():
            files = [path]
        else:
            _report(on_error, InputError(f"{path}: no such file or folder"))
            continue
        for f in files:
            try:
                yield from read_path(f, on_error)
            except InputError as exc:
                _report(on_error, exc)
            except Exception as exc:  # noqa: BLE001 - a bad input never stops the batch
                _report(on_error, InputError(f"{_shown(f)}: cannot read ({type(exc).__name__}: {exc})"))


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
    """A path as printable text (undecodable bytes of a file name shown as U+FFFD)."""
    return _clean(str(path))


def read_path(path: Path, on_error: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """The documents in one file (several for ``.jsonl``)."""
    if not path.is_file():
        raise InputError(f"{_shown(path)}: not a regular file")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _json_lines(path, on_error)
        return
    raw = _read_bytes(path)
    text = decode(raw, path)
    if not text.strip():
        raise InputError(f"{_shown(path)}: empty file, no text")
    meta, body, offset = split_front_matter(text, path)
    if suffix in (".html", ".htm"):
        title, body, offset = html_page(body)
        meta.setdefault("title", title)
    if not body.strip():
        raise InputError(f"{_shown(path)}: no article text" + (" in the page" if offset == 0 and suffix in (
            ".html", ".htm") else " after the front matter"))
    yield make_document(_shown(path.name), _shown(path), body, meta, offset)


def _json_lines(path: Path, on_error: Callable[[InputError], None] | None) -> Iterator[Document]:
    """The articles of a ``.jsonl`` file, read line by line (any file size, at most ``MAX_BYTES`` a
    line in memory); a bad line is reported with its number and the others go on."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with fh:
        head = fh.read(4096)
        if b"\x00" in head:
            raise InputError(f"{path}: binary file, not text (JSON Lines are UTF-8)")
        fh.seek(0)
        n = lines = 0
        while True:
            try:
                raw = fh.readline(MAX_BYTES + 1)
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
            if not raw:
                break
            n += 1
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                while (rest := fh.readline(2**20)) and not rest.endswith(b"\n"):
                    pass
                lines += 1
                _report(on_error, InputError(f"{path}: line {n}: longer than the {MAX_BYTES // 2**20} MB limit"))
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
                        raise InputError(f"{path}: line {n}: not UTF-8 text") from None
                doc = _from_json(line, path, n)
            except InputError as exc:
                _report(on_error, exc)
                continue
            yield doc
    if not lines:
        raise InputError(f"{_shown(path)}: empty file, no text")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: file is {size // 2**20} MB, larger than the {MAX_BYTES // 2**20} MB limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


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
            raise InputError(f"{path}: broken UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    sample = raw[:65536]
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if b"\x00" in raw[:4096] or controls > max(8, len(sample) // 20):
        raise InputError(f"{path}: binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    runs = [len(r) for r in _HIGH_RUN.findall(raw)]
    enc = "cp1251" if sum(n for n in runs if n >= 3) * 2 >= sum(runs) > 0 else "cp1254"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: unknown text encoding (not UTF-8, cp1251 or cp1254: byte "
                         f"0x{raw[exc.start]:02x} at {exc.start})") from exc
    wide = [ch for ch in text if ord(ch) >= 0x80]
    odd = sum(1 for ch in wide if not ch.isalpha() and ch not in _LEGACY_PUNCT)
    if odd > max(3, len(wide) // 4):
        raise InputError(f"{path}: unknown text encoding (not UTF-8, and neither cp1251 nor cp1254 fits)")
    return text


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """(metadata, body, body offset) of a text with optional YAML front matter."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, 0
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" line {line + 2}:" if line is not None else ""
        raise InputError(f"{path}:{where} broken front matter ({reason(exc)})") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter is not a mapping")
    return meta, text[m.end():], m.end()


def _from_json(line: str, path: Path, n: int) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {n}: not JSON ({exc.msg})") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f"{path}: line {n}: expected an object with a 'text' string")
    if not obj["text"].strip():
        raise InputError(f"{path}: line {n}: empty 'text'")
    name = obj.get("name") or obj.get("document") or f"{path.name}#{n}"
    return make_document(str(name), f"{path}#{n}", obj["text"], obj, 0)


def make_document(name: str, path: str, body: str, meta: dict, offset: int) -> Document:
    body = _clean(body)
    lang = str(meta.get("lang") or meta.get("language") or "").lower()[:2]
    if lang not in LANGS:
        lang = detect(body)
    return Document(name=_clean(name), path=_clean(path), text=body, lang=lang, url=_str(meta.get("url")),
                    published=_date(meta.get("published") or meta.get("date")), title=_str(meta.get("title")),
                    text_offset=offset)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _str(v: object) -> str | None:
    return _clean(str(v)).strip() or None if v is not None else None


def _date(v: object) -> str | None:
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", v)
        return m.group(1) if m else None
    return None


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg", "iframe", "template"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def _parse_html(html: str) -> _HTMLText:
    p = _HTMLText()
    p.feed(html)
    p.close()
    return p


def html_page(html: str) -> tuple[str | None, str, int]:
    """(title, readable text, 0) of a page, parsed once: scripts, styles and navigation dropped;
    the ``<article>`` or ``<main>`` element when there is one."""
    page = _parse_html(html)
    title = " ".join("".join(page.title).split()) or None
    m = re.search(r"<(article|main)\b.*?</\1>", html, re.S | re.I)
    parts = _parse_html(m.group(0)).parts if m else page.parts
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parts))
    return title, re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip(), 0
