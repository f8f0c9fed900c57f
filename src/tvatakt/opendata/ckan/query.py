"""The part of Solr's query syntax CKAN's clients send in q, fq and fq_list and sort, read into a condition over
Dataset and an ordering.

A q without a colon is plain words, as CKAN hands it to Solr's forgiving dismax parser. Otherwise, and always
in fq, this reads Lucene's syntax: `field:value`, `field:"a phrase"`, `field:(a OR b)`, `field:[low TO high]`,
`field:prefix*`, bare words (the text field), groups in parentheses, + and - (or ! and NOT), AND, OR, && and ||,
joined as Lucene joins them under CKAN's q.op=AND. Anything else is a syntax error: a 409 "Search Error", as
Solr's parser errors are in CKAN.
"""

import functools
import operator
import re

from django.db.models import F, Q

from tvatakt.opendata.ckan import fields, params

MUST, SHOULD, MUST_NOT = "must", "should", "must_not"
STOP = set(' \t\r\n()"')
MAX_CLAUSES, MAX_DEPTH = 1024, 32  # Solr's maxBooleanClauses; a nesting no client needs
RANGE = re.compile(r"([\[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])")  # [low TO high], {…} for exclusive ends
DEFAULT_SORT = "score desc, metadata_modified desc"
SORT_FIELDS = {
    "score": "rank",
    "metadata_modified": "updated_at",
    "metadata_created": "created_at",
    "title_string": "title",
    "name": "name",
    "id": "identifier",
}


class _Parser:
    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.words: list[str] = []  # the free text not under a NOT, which Solr would score by
        self.terms = self.depth = 0

    def parse(self) -> Q:
        condition = self.query(None, negated=False)
        if self.at < len(self.text):
            raise self.error("a ) without its (")
        return condition

    def error(self, what: str) -> params.SearchError:
        return params.SearchError(f"Cannot parse '{self.text}': {what}")

    def peek(self) -> str:
        return self.text[self.at : self.at + 1]

    def space(self) -> None:
        while self.peek().isspace():
            self.at += 1

    def operator(self, *names: str) -> bool:
        for name in names:
            end = self.at + len(name)
            after = self.text[end : end + 1]
            if self.text.startswith(name, self.at) and (not name.isalpha() or not after or after in STOP):
                self.at = end
                return True
        return False

    def query(self, field: str | None, negated: bool) -> Q:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error("too deeply nested")
        clauses: list[list] = []
        while True:
            self.space()
            if self.peek() in ("", ")"):
                self.depth -= 1
                return _combined(clauses)
            conjunction = "AND" if self.operator("AND", "&&") else "OR" if self.operator("OR", "||") else None
            self.space()
            modifier = None
            if self.peek() in ("+", "-", "!"):
                modifier = "+" if self.peek() == "+" else "-"
                self.at += 1
            elif self.operator("NOT"):
                modifier = "-"
                self.space()
            condition = self.clause(field, negated != (modifier == "-"))
            _add(clauses, conjunction, modifier, condition)

    def clause(self, field: str | None, negated: bool) -> Q:
        char = self.peek()
        if char == "(":
            self.at += 1
            condition = self.query(field, negated)
            if self.peek() != ")":
                raise self.error("a ( without its )")
            self.at += 1
            return condition
        if char == '"':
            return self.term(field, self.quoted(), negated, quoted=True)
        if char in ("[", "{") and field is not None:
            return self.range(field)
        name = self.bare(stop_at_colon=True)
        if not name:
            raise self.error(f"unexpected {char!r}" if char else "unexpected end")
        if self.peek() != ":":
            return self.term(field, name, negated)
        self.at += 1
        self.space()
        if self.peek() in ("(", '"', "[", "{"):
            return self.clause(name, negated)
        value = self.bare(stop_at_colon=False)
        if not value:
            raise self.error(f"no value for {name}")
        return self.term(name, value, negated)

    def bare(self, stop_at_colon: bool) -> str:
        """A term up to white space, a parenthesis or a quote (and a colon, for a field's name); \\ escapes."""
        chars = []
        while (char := self.peek()) and char not in STOP and not (stop_at_colon and char == ":"):
            if char == "\\" and self.at + 1 < len(self.text):
                self.at += 1
                char = self.peek()
            chars.append(char)
            self.at += 1
        return "".join(chars)

    def quoted(self) -> str:
        end = self.at + 1
        while end < len(self.text) and self.text[end] != '"':
            end += 2 if self.text[end] == "\\" else 1
        if end >= len(self.text):
            raise self.error("a quote without its end")
        value = re.sub(r"\\(.)", r"\1", self.text[self.at + 1 : end])
        self.at = end + 1
        return value

    def range(self, field: str) -> Q:
        match = RANGE.match(self.text, self.at)
        if match is None:
            raise self.error(f"a range of {field} must read [low TO high]")
        self.at = match.end()
        low, high = (bound.strip('"') for bound in match.group(2, 3))
        return fields.date_range(field, low, high, include_low=match[1] == "[", include_high=match[4] == "]")

    def term(self, field: str | None, value: str, negated: bool, quoted: bool = False) -> Q:
        self.terms += 1
        if self.terms > MAX_CLAUSES:
            raise self.error(f"too many clauses (at most {MAX_CLAUSES})")
        if field in fields.TEXT_FIELDS and not negated and value != "*":
            self.words.append(value)
        return fields.term(field, value, quoted=quoted)


def _add(clauses: list[list], conjunction: str | None, modifier: str | None, condition: Q) -> None:
    """Lucene's QueryParser.addClause with the default operator AND."""
    if clauses and clauses[-1][0] != MUST_NOT and conjunction is not None:
        clauses[-1][0] = MUST if conjunction == "AND" else SHOULD
    prohibited = modifier == "-"
    required = not prohibited and conjunction != "OR"
    clauses.append([MUST if required else MUST_NOT if prohibited else SHOULD, condition])


def _combined(clauses: list[list]) -> Q:
    """A boolean query: all the required clauses, else at least one optional; never a prohibited one. A query of
    prohibitions only matches everything else, as Solr makes it."""
    musts = [condition for occur, condition in clauses if occur == MUST]
    shoulds = [condition for occur, condition in clauses if occur == SHOULD]
    combined = functools.reduce(operator.and_, musts) if musts else Q()
    if not musts and shoulds:
        combined = functools.reduce(operator.or_, shoulds)
    for occur, condition in clauses:
        if occur == MUST_NOT:
            combined &= ~condition
    return combined


def condition(q: str, filters: list[str]) -> tuple[Q, str]:
    """The datasets q and every filter select, and the words of q to rank them by."""
    combined = Q()
    words = ""
    if q.strip() not in ("", '""', "''", "*:*"):
        if ":" in q:
            parser = _Parser(q)
            combined &= parser.parse()
            words = " ".join(parser.words)
        else:
            combined &= fields.term(None, q)
            words = q
    for text in filters:
        combined &= _Parser(text).parse()
    return combined, words


def ordering(sort: str, ranked: bool) -> tuple[list, bool]:
    """Solr's sort ("field asc, field desc") as order_by() arguments; the id last, so that pages are stable.
    score means the rank by the words of q, and nothing without them (every match scores the same). Also
    whether the order needs the rank."""
    keys: list = []
    uses_rank = False
    for part in sort.split(","):
        bits = part.split()
        if not bits:
            continue
        if len(bits) != 2 or bits[1].lower() not in ("asc", "desc"):
            raise params.SearchQueryError('Invalid "sort" parameter')
        name, direction = bits[0], bits[1].lower()
        if name not in SORT_FIELDS:
            raise params.SearchError(f"sort param field can't be found: {name}")
        if name == "score":
            # a dataset the words do not match (possible under OR) has no rank: last, as Solr scores it least
            if ranked:
                keys.append(F("rank").desc(nulls_last=True) if direction == "desc" else F("rank").asc(nulls_first=True))
                uses_rank = True
            continue
        keys.append(f"-{SORT_FIELDS[name]}" if direction == "desc" else SORT_FIELDS[name])  # as the indexes run
    return [*keys, "pk"], uses_rank
