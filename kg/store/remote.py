"""Any SPARQL 1.1 endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso) over HTTP, stdlib only.

``--store URL``: a URL ending in ``/query`` or ``/sparql`` is the query endpoint; otherwise
``URL/query`` is.  Updates go to ``$KG_STORE_UPDATE`` if set, else ``…/update`` next to
``…/query`` (Oxigraph, Fuseki) or the same URL for ``…/sparql`` (Virtuoso).  Each update
request is one transaction on the server.

Opening checks the endpoint with ``ASK {}`` within ``CONNECT_TIMEOUT`` seconds, so an unreachable
or wrong URL fails at once with one line (``StoreError``, exit 3); later requests may take up to
``$KG_STORE_TIMEOUT`` seconds (default 120) without a byte from the server.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, StoreBusyError, StoreError, UsageError, reason
from .base import LOCK_GRAPH, LOG_GRAPH, Table
from .terms import Term

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/plain;q=0.5"
CONNECT_TIMEOUT = 10.0
#: a writer's lock entry older than this many seconds is taken to be left by a killed process
LOCK_STALE = 120.0
LOCKED_AT = LOCK_GRAPH + "#lockedAt"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed: urllib would repeat a POST as a GET without its body (an update
    "succeeding" without being applied), so a 3xx answer is an error like any other non-2xx."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _timeout() -> float:
    raw = os.environ.get("KG_STORE_TIMEOUT", "") or "120"
    try:
        value = float(raw)
    except ValueError:
        raise StoreError(f"KG_STORE_TIMEOUT={raw!r} is not a number of seconds") from None
    if value <= 0:
        raise StoreError(f"KG_STORE_TIMEOUT={raw!r} must be more than 0 seconds")
    return value


def endpoints(url: str) -> tuple[str, str]:
    """(query URL, update URL) for a store URL."""
    url = url.rstrip("/")
    if url.endswith("/query"):
        query, update = url, url[: -len("query")] + "update"
    elif url.endswith("/sparql"):
        query = update = url
    else:
        query, update = url + "/query", url + "/update"
    return query, os.environ.get("KG_STORE_UPDATE", update)


def _term(b: dict[str, Any]) -> Term:
    t = b["type"]
    if t == "uri":
        return ox.NamedNode(b["value"])
    if t == "bnode":
        return ox.BlankNode(b["value"])
    if "xml:lang" in b:
        return ox.Literal(b["value"], language=b["xml:lang"])
    if "datatype" in b:
        return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(b["value"])


def with_values(sparql: str, bindings: dict[str, Term]) -> str:
    """``sparql`` with ``VALUES ?var { term }`` for each binding at the start of its first ``WHERE``
    block (or, without the keyword, the first group of a SELECT or ASK); the terms are RDF terms
    written by pyoxigraph (escaped N-Triples syntax), never user text."""
    m = re.search(r"(?i)\bWHERE\s*\{", sparql) or re.search(r"(?i)\b(?:SELECT|ASK)\b[^{]*\{", sparql)
    if not m:
        raise UsageError("--bind needs a query with a WHERE { } block on a SPARQL endpoint")
    block = " ".join(f"VALUES ?{var} {{ {term} }}" for var, term in sorted(bindings.items()))
    return f"{sparql[: m.end()]} {block} {sparql[m.end() :]}"


def split_credentials(url: str) -> tuple[str, str | None]:
    """(``url`` without ``user:password@``, the ``Authorization`` header for them or None)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None
    host = parts.hostname or ""
    netloc = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    user = urllib.parse.unquote(parts.username or "")
    token = base64.b64encode(f"{user}:{urllib.parse.unquote(parts.password or '')}".encode()).decode("ascii")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), f"Basic {token}"


def masked(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``, for messages."""
    try:
        parts = urllib.parse.urlsplit(url)
        if parts.password is None:
            return url
        return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))
    except ValueError:
        return re.sub(r"//[^/@]*@", "//***@", url)


class RemoteBackend:
    """SPARQL 1.1 Protocol client (query + update); ``http://user:password@host/...`` sends HTTP basic
    authentication (the password is never shown: ``location`` and messages mask it)."""

    def __init__(self, url: str, timeout: float | None = None, check: bool = True) -> None:
        self.location = masked(url)
        query_url, update_url = endpoints(url)
        try:
            (self.query_url, q_auth), (self.update_url, u_auth) = map(split_credentials, (query_url, update_url))
        except ValueError as exc:  # a malformed port or host
            raise StoreError(f"{masked(url)}: not a valid store URL ({reason(exc)})") from None
        self._auth = {self.query_url: q_auth, self.update_url: u_auth}
        self.timeout = _timeout() if timeout is None else timeout
        if check:
            self._query("ASK {}", min(self.timeout, CONNECT_TIMEOUT))

    def _post(
        self, url: str, body: dict[str, str], accept: str | None = None, timeout: float | None = None
    ) -> tuple[str, bytes]:
        try:
            auth = self._auth.get(url)
            req = urllib.request.Request(
                url,
                data=urllib.parse.urlencode(body).encode("utf-8"),
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    **({"Accept": accept} if accept else {}),
                    **({"Authorization": auth} if auth else {}),
                },
            )
            with _OPENER.open(req, timeout=timeout or self.timeout) as resp:
                if not 200 <= resp.status < 300:
                    raise StoreError(f"{url}: HTTP {resp.status} (expected 2xx); nothing was changed")
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            try:
                msg = exc.read().decode("utf-8", "replace").strip().splitlines()
            except OSError:
                msg = []
            if 300 <= exc.code < 400:
                where = exc.headers.get("Location", "?") if exc.headers else "?"
                raise StoreError(
                    f"{url}: HTTP {exc.code} redirect to {where} (not followed: give the endpoint's final URL)"
                ) from exc
            detail = f"HTTP {exc.code}: {msg[0][:300] if msg else exc.reason}"
            if exc.code == 400 and "query" in body:
                raise QueryError(f"invalid SPARQL ({detail})") from exc
            raise StoreError(f"{url}: {detail}") from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:  # ValueError: a malformed URL
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}") from exc

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> Table:
        return self._query(with_values(sparql, bindings) if bindings else sparql)

    def _query(self, sparql: str, timeout: float | None = None) -> Table:
        ctype, data = self._post(self.query_url, {"query": sparql}, ACCEPT, timeout)
        try:
            if "json" in ctype:
                doc = json.loads(data)
                if "boolean" in doc:
                    return Table(["boolean"], [], bool(doc["boolean"]))
                cols = doc["head"].get("vars", [])
                rows = [{c: _term(b[c]) if c in b else None for c in cols} for b in doc["results"]["bindings"]]
                return Table(cols, rows)
            if not any(t in ctype for t in ("n-triples", "text/plain")):
                raise ValueError(f"unexpected content type {ctype or 'none'!r}")
            cols = ["subject", "predicate", "object"]
            triples = ox.parse(data, ox.RdfFormat.N_TRIPLES)
            return Table(cols, [dict(zip(cols, (t.subject, t.predicate, t.object), strict=True)) for t in triples])
        except (ValueError, KeyError, TypeError, AttributeError, SyntaxError) as exc:
            raise StoreError(
                f"{self.query_url} is not a SPARQL endpoint (cannot read its answer: {reason(exc)})"
            ) from exc

    def update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": sparql})

    @contextmanager
    def lock(self, wait: float | None = None) -> Iterator[None]:
        """Exclusive write access among kg processes sharing this endpoint, for one ingest or removal.

        Each writer adds its own entry to the lock graph and holds the lock when its entry is the
        only one; otherwise it withdraws the entry and retries after a random pause (so no
        read-modify-write on the server is needed).  Entries older than ``LOCK_STALE`` seconds
        (a killed writer's) are removed.  ``StoreBusyError`` after ``wait`` seconds (default: the
        request timeout)."""
        me = f"urn:uuid:{uuid.uuid4()}"
        deadline = time.monotonic() + (self.timeout if wait is None else wait)
        xsd_dt = "<http://www.w3.org/2001/XMLSchema#dateTime>"

        def stamp(seconds_ago: float = 0.0) -> str:
            t = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds_ago)
            return f'"{t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}"^^{xsd_dt}'

        mine = f"GRAPH <{LOCK_GRAPH}> {{ <{me}> <{LOCKED_AT}> ?t }}"
        while True:
            self.update(
                f"DELETE {{ GRAPH <{LOCK_GRAPH}> {{ ?h <{LOCKED_AT}> ?t }} }} WHERE {{ GRAPH <{LOCK_GRAPH}> "
                f"{{ ?h <{LOCKED_AT}> ?t }} FILTER(?t < {stamp(LOCK_STALE)}) }} ;\n"
                f"INSERT DATA {{ GRAPH <{LOCK_GRAPH}> {{ <{me}> <{LOCKED_AT}> {stamp()} }} }}"
            )
            holders = {
                r["h"].value
                for r in self.query(f"SELECT DISTINCT ?h WHERE {{ GRAPH <{LOCK_GRAPH}> {{ ?h <{LOCKED_AT}> ?t }} }}")
            }
            if holders == {me}:
                break
            self.update(f"DELETE WHERE {{ {mine} }}")
            if time.monotonic() > deadline:
                raise StoreBusyError(f"store {self.location} is busy (another kg process is writing to it)")
            time.sleep(random.uniform(0.02, 0.25))
        try:
            yield
        finally:
            self.update(f"DELETE WHERE {{ {mine} }}")

    def triples(self) -> Iterator[ox.Triple]:
        rows = self.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        yield from sorted((ox.Triple(r["s"], r["p"], r["o"]) for r in rows), key=str)

    def quads(self) -> Iterator[ox.Quad]:
        rows = self.query(
            "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION "
            f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN (<{LOG_GRAPH}>, <{LOCK_GRAPH}>)) }} }}"
        )
        quads = (ox.Quad(r["s"], r["p"], r["o"], ox.DefaultGraph() if r["g"] is None else r["g"]) for r in rows)
        yield from sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))

    def count(self) -> int:
        t = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(t.rows[0]["n"].value)

    def close(self) -> None:
        pass
