"""Matching what a unit wrote against the directory and the catalog: names without diacritics or
case, close spellings as suggestions, award types by name, short name or code."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.vntext import clean, fold
from db.enums import CommendationKind, ProposalStatus, RecipientKind
from db.models import AwardType, Campaign, Person, Proposal, Unit


@dataclass
class Directory:
    """People, units and award types, read once per import and keyed by folded name."""

    people: dict[int, tuple[str, str, int | None]] = field(default_factory=dict)  # name, key, unit
    units: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # name, key, short key
    awards: dict[int, AwardType] = field(default_factory=dict)
    people_by_key: dict[str, list[int]] = field(default_factory=dict)
    units_by_key: dict[str, list[int]] = field(default_factory=dict)
    # first and last word of each key → keys: close spellings are looked for among these only
    people_by_word: dict[str, set[str]] = field(default_factory=dict)
    units_by_word: dict[str, set[str]] = field(default_factory=dict)
    existing: set[tuple[str, int, int, int]] = field(default_factory=set)
    campaigns: dict[int, tuple[str, str, int]] = field(default_factory=dict)  # name, key, year

    @classmethod
    def load(cls) -> Directory:
        """Everything the proposal import looks at."""
        d = cls.load_names()
        d.awards = {a.id: a for a in AwardType.select().where(AwardType.active == True)}  # noqa: E712
        for person_id, unit_id, award_id, year in (
            Proposal.select(Proposal.person, Proposal.unit, Proposal.award_type, Proposal.year)
            .where(Proposal.status != ProposalStatus.WITHDRAWN)
            .tuples()
        ):
            if person_id is not None:
                d.existing.add(("p", person_id, award_id, year))
            else:
                d.existing.add(("u", unit_id, award_id, year))
        d.campaigns = {
            cid: (name, name_key(name), year)
            for cid, name, year in Campaign.select(
                Campaign.id, Campaign.name, Campaign.year
            ).tuples()
        }
        return d

    @classmethod
    def load_names(cls) -> Directory:
        """The active people and units only, keyed by folded name."""
        d = cls()
        for pid, name, unit_id in (
            Person.select(Person.id, Person.full_name, Person.unit)
            .where(
                Person.active == True  # noqa: E712
            )
            .tuples()
        ):
            key = name_key(name)
            d.people[pid] = (name, key, unit_id)
            d.people_by_key.setdefault(key, []).append(pid)
        for uid, name, short in (
            Unit.select(Unit.id, Unit.name, Unit.short_name)
            .where(
                Unit.active == True  # noqa: E712
            )
            .tuples()
        ):
            key, short_key = name_key(name), name_key(short)
            d.units[uid] = (name, key, short_key)
            d.units_by_key.setdefault(key, []).append(uid)
            if short_key and short_key != key:
                d.units_by_key.setdefault(short_key, []).append(uid)
        for by_key, by_word in (
            (d.people_by_key, d.people_by_word),
            (d.units_by_key, d.units_by_word),
        ):
            for key in by_key:
                words = key.split()
                for word in {words[0], words[-1]} if words else ():
                    by_word.setdefault(word, set()).add(key)
        return d

    def match_campaign(self, text: str, year: int | None) -> list[int]:
        """Campaigns of that name (the year's first), or the one whose name holds the text."""
        key = name_key(text)
        same = [c for c, (_n, k, _y) in self.campaigns.items() if k == key]
        if not same:
            same = [c for c, (_n, k, _y) in self.campaigns.items() if key and key in k]
        of_year = [c for c in same if self.campaigns[c][2] == year]
        return of_year or same

    def match_person(self, text: str) -> NameMatch:
        return match_names(
            text, self.people_by_key, self.people_by_word, lambda i: self.people[i][0]
        )

    def match_unit(self, text: str) -> NameMatch:
        return match_names(text, self.units_by_key, self.units_by_word, lambda i: self.units[i][0])

    def person_label(self, pid: int) -> str:
        name, _key, unit_id = self.people[pid]
        unit = self.units.get(unit_id)[0] if unit_id in self.units else ""
        return f"{name} — {unit}" if unit else name

    def unit_label(self, uid: int) -> str:
        return self.units[uid][0]

    def label(self, kind: RecipientKind, recipient_id: int) -> str:
        if kind is RecipientKind.INDIVIDUAL:
            return self.person_label(recipient_id)
        return self.unit_label(recipient_id)

    def has_proposal(
        self, kind: RecipientKind | None, recipient_id: int, award_id: int, year: int
    ) -> bool:
        """A proposal (not withdrawn) for the same recipient, award and year already exists."""
        tag = "p" if kind is RecipientKind.INDIVIDUAL else "u"
        return (tag, recipient_id, award_id, year) in self.existing


def name_key(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


_AWARD_FILLER = re.compile(r"\b(?:danh hieu|tang|cua|chu tich|de nghi)\b")


def _award_key(text: str) -> str:
    """ "Danh hiệu Lao động tiên tiến", "Bằng khen của Chủ tịch UBND tỉnh" → the words that count."""
    key = _AWARD_FILLER.sub(" ", name_key(text).replace(",", " "))
    return " ".join(re.sub(r"\bcstd\b", "chien si thi dua", key).split())


def award_hints(text: str, awards: dict[int, AwardType]) -> list[str]:
    """The names a vague award text could mean ("Bằng khen": three of them)."""
    short = _award_key(text)
    return [a.name for a in awards.values() if short and short in _award_key(a.name)]


def match_award(text: str, awards: dict[int, AwardType]) -> AwardType | None:
    """By name, short name or code; then without filler words; then a unique name it begins."""
    key = name_key(text)
    if not key:
        return None
    for award in awards.values():
        if key in (name_key(award.name), name_key(award.short_name), name_key(award.code)):
            return award
    code_key = key.replace(" ", "").replace(".", "")
    for award in awards.values():
        if code_key in (
            award.code.lower().replace("_", ""),
            name_key(award.short_name).replace(" ", ""),
        ):
            return award
    short = _award_key(text)
    if not short:
        return None
    same = [a for a in awards.values() if short in (_award_key(a.name), _award_key(a.short_name))]
    if len(same) == 1:
        return same[0]
    begun = [a for a in awards.values() if _award_key(a.name).startswith(short + " ")]
    return begun[0] if len(begun) == 1 else None


def match_kind(text: str) -> CommendationKind | None:
    key = name_key(text)
    if not key:
        return CommendationKind.REGULAR
    for kind in CommendationKind:
        label_key = name_key(kind.label)
        names = (kind.value, kind.value.replace("_", " "), label_key, label_key.split(" (")[0])
        if key in names or (len(key) >= 4 and any(n.startswith(key) for n in names)):
            return kind
        if len(key) >= 6 and key in label_key.split(", "):  # "chuyen de" in "theo dot, chuyen de"
            return kind
    return None


def recipient_kind(text: str) -> RecipientKind | None | str:
    key = name_key(text)
    if not key:
        return None
    if key in ("ca nhan", "cn", "individual"):
        return RecipientKind.INDIVIDUAL
    if key in ("tap the", "tt", "collective", "don vi"):
        return RecipientKind.COLLECTIVE
    return "invalid"


@dataclass(frozen=True)
class NameMatch:
    exact: tuple[int, ...]  # same text, as stored
    loose: tuple[int, ...]  # same without diacritics or case
    near: tuple[int, ...]  # a close spelling


def match_names(
    text: str,
    by_key: dict[str, list[int]],
    by_word: dict[str, set[str]],
    name_of: Callable[[int], str],
) -> NameMatch:
    """Exact (as stored), loose (same folded) and close spellings (a typo in one name part)."""
    key = name_key(text)
    same_key = by_key.get(key, [])
    typed = clean(" ".join(text.split()))
    exact = tuple(i for i in same_key if name_of(i) == typed)
    loose = tuple(i for i in same_key if i not in exact)
    near: tuple[int, ...] = ()
    if not same_key and key:
        words = key.split()
        pool = sorted(by_word.get(words[0], set()) | by_word.get(words[-1], set()))
        close = difflib.get_close_matches(key, pool, n=3, cutoff=0.88)
        near = tuple(dict.fromkeys(i for k in close for i in by_key[k]))
    return NameMatch(exact, loose, near)


def unit_fits(unit_text: str, unit_id: int | None, directory: Directory) -> bool:
    if not unit_text or unit_id is None or unit_id not in directory.units:
        return False
    _name, key, short_key = directory.units[unit_id]
    given = name_key(unit_text)
    return bool(key and (key in given or given in key)) or bool(short_key and short_key in given)
