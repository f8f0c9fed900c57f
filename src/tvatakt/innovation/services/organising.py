"""Setting up what the city runs with its residents: a consultation, a hackathon with its challenges, the questions
a team answers when it registers, the jury's rubric and the jury itself. Only those who run them may
(innovation.run): an innovation lead for their own organisation, unless they lead for the whole city, and the IT
director. Every rule is checked here, so that every door (the staff pages, the admin, an API) shares it; a broken
rule is said at its field, and nothing is written."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.innovation.models import Challenge, Consultation, Criterion, Hackathon, Juror, Question, Score, reserved
from tvatakt.opendata.models import Dataset

CONSULTATION_FIELDS = ("slug", "title", "title_en", "description", "description_en", "audience", "organisation",
                       "cluster", "strategy_title", "strategy_url")  # fmt: skip
WINDOWS = ("starts_at", "ends_at", "registration_opens", "registration_closes", "submission_opens",
           "submission_closes", "judging_closes")  # fmt: skip
HACKATHON_FIELDS = ("slug", "title", "title_en", "description", "description_en", "organisation", "place", "online",
                    *WINDOWS, "rules", "prizes")  # fmt: skip
CHALLENGE_FIELDS = ("slug", "title", "title_en", "description", "description_en", "organisation")
# Words the addresses under dialog/ and hackathon/ use already: a slug equal to one would lead to that page instead.
RESERVED = {Consultation: reserved.CONSULTATION, Hackathon: reserved.HACKATHON, Challenge: reserved.CHALLENGE}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MOST_DATASETS = 20
MOST_CRITERIA = 10
MOST_QUESTIONS = 10
MOST_WEIGHT = 100
EARLIEST, LATEST = 2000, 2100  # years a hackathon's dates may fall in


@dataclass(frozen=True)
class QuestionLine:
    """A question as the organiser wrote it; `pk` when it is one already asked, so its answers stay with it."""

    text: str
    text_en: str = ""
    required: bool = False
    pk: int | None = None


def _one_line(value) -> str:
    return " ".join(str(value or "").split())


def _texts(model, fields: dict, errors: dict) -> None:
    """Trim each text, in place, and refuse one longer than its column at its field."""
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if not isinstance(field, models.CharField | models.TextField) or isinstance(field, models.SlugField):
            continue
        fields[name] = _one_line(value) if isinstance(field, models.CharField) else str(value or "").strip()
        if field.max_length and len(fields[name]) > field.max_length:
            errors[name] = _("Write at most %(most)s characters (now %(now)s).") % {
                "most": field.max_length, "now": len(fields[name])}  # fmt: skip


def _slug(instance: models.Model, given: str, errors: dict, **scope) -> str:
    """The slug asked for, checked; else the current one; else one made from the title that no other has."""
    model = type(instance)
    others = model.objects.filter(**scope).exclude(pk=instance.pk)
    words = RESERVED[model]
    given = str(given or "").strip().lower()
    if given:
        if len(given) > 80 or not SLUG.match(given):
            errors["slug"] = _("Use at most 80 of the letters a–z, digits and hyphens, as in trygg-skolvag.")
        elif given in words:
            errors["slug"] = _("This address belongs to another page. Choose another.")
        elif others.filter(slug=given).exists():
            errors["slug"] = _("Another one already has this address. Choose another.")
        return given
    if instance.slug:
        return instance.slug
    base = slugify(instance.title)[:70].strip("-") or model._meta.model_name
    slug, number = base, 2
    while slug in words or others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _fields(allowed: tuple[str, ...], fields: dict) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:  # a programming error, not a user's: no door lets a user name a field
        raise TypeError(f"not editable here: {sorted(unknown)}")


def _checked_save(instance: models.Model, errors: dict, *, exclude: Sequence[str] = ()) -> None:
    """The model's own checks after ours (which say more, at the field), then the save. A slug taken between the
    check and the save is said as such."""
    if errors:
        raise DomainError(errors)
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        raise DomainError(exc.message_dict) from exc
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise DomainError({"slug": _("Another one already has this address. Choose another.")}) from exc


def _may_run(actor, current: models.Model | None, probe: models.Model) -> None:
    """Permission for the object as it is and, when its organisation changes (or it is new), for the one chosen."""
    if current is not None:
        require(actor, "innovation.run", current)
    if current is None or current.organisation_id != probe.organisation_id:
        require(actor, "innovation.run", probe)


def _apply(instance: models.Model, fields: dict, errors: dict) -> str:
    """Put the given fields on `instance`, texts trimmed and checked against their columns; returns the slug asked
    for, which _slug checks once the title is known."""
    slug = fields.pop("slug", "")
    _texts(type(instance), fields, errors)
    for name, value in fields.items():
        setattr(instance, name, value)
    return slug


def _organised(model, current, *, actor, fields: dict, allowed: tuple[str, ...], no_organisation: str):
    """The consultation or hackathon to save (`current` read afresh, or a new one by `actor`), once `actor` may
    run it for the organisation it has and the one it is to have."""
    _fields(allowed, fields)
    organisation = fields.get("organisation", current.organisation if current else None)
    if organisation is None:
        raise DomainError({"organisation": no_organisation})
    _may_run(actor, current, model(organisation=organisation))
    return model.objects.get(pk=current.pk) if current else model(created_by=actor)


def save_consultation(*, actor, consultation: Consultation | None = None, **fields) -> Consultation:
    """Create a consultation (in its first phase, open for ideas) or change what it asks and who asks it. The
    phase and the results change through set_phase."""
    instance = _organised(Consultation, consultation, actor=actor, fields=fields, allowed=CONSULTATION_FIELDS,
                          no_organisation=_("Choose the organisation that asks."))  # fmt: skip
    errors: dict = {}
    slug = _apply(instance, fields, errors)
    if not instance.title:
        errors["title"] = _("Write the question in Swedish.")
    if not instance.description:
        errors["description"] = _("Describe in Swedish what the city asks, and why.")
    if instance.strategy_url:
        try:
            URLValidator(schemes=["https", "http"])(instance.strategy_url)
        except ValidationError:
            errors["strategy_url"] = _("Write a whole web address, starting with https://.")
    instance.slug = _slug(instance, slug, errors)
    _checked_save(instance, errors, exclude=["created_by"])
    return instance


def _windows(hackathon: Hackathon, errors: dict) -> None:
    """Each window in order, the error at the time that comes too early."""
    for name in WINDOWS:
        value = getattr(hackathon, name)
        if value is None:
            errors[name] = _("Give the date and time.")
        elif not EARLIEST <= value.year <= LATEST:  # year 1 cannot even be turned into UTC
            errors[name] = _("Give a date between the years %(first)s and %(last)s.") % {
                "first": EARLIEST, "last": LATEST}  # fmt: skip
    order = [
        ("starts_at", "ends_at", _("The hackathon must end after it starts.")),
        ("registration_opens", "registration_closes", _("Registration must close after it opens.")),
        ("submission_opens", "submission_closes", _("The submission deadline must come after submissions open.")),
        ("submission_closes", "judging_closes", _("The judging must end after the submission deadline.")),
    ]
    for first, then, message in order:
        before, after = getattr(hackathon, first), getattr(hackathon, then)
        if before is not None and after is not None and after <= before and not {first, then} & set(errors):
            errors[then] = message


def save_hackathon(*, actor, hackathon: Hackathon | None = None, **fields) -> Hackathon:
    """Create a hackathon, or change its texts, its organiser and its windows."""
    instance = _organised(Hackathon, hackathon, actor=actor, fields=fields, allowed=HACKATHON_FIELDS,
                          no_organisation=_("Choose the organisation that organises it."))  # fmt: skip
    errors: dict = {}
    slug = _apply(instance, fields, errors)
    instance.online = bool(instance.online)
    if not instance.title:
        errors["title"] = _("Give the hackathon a title in Swedish.")
    if not instance.description:
        errors["description"] = _("Describe the hackathon in Swedish.")
    if not instance.place and not instance.online:
        errors["place"] = _("Say where it takes place, or that it is online.")
    _windows(instance, errors)
    instance.slug = _slug(instance, slug, errors)
    _checked_save(instance, errors, exclude=["created_by", "results_published_at"])
    return instance


def _datasets(challenge: Challenge, datasets: Sequence, errors: dict) -> list[Dataset]:
    """The datasets by their short names (or as rows): open ones, or ones the challenge rests on already."""
    names = list(dict.fromkeys(d.name if isinstance(d, Dataset) else str(d).strip() for d in datasets))
    names = [name for name in names if name]
    if len(names) > MOST_DATASETS:
        errors["datasets"] = _("Choose at most %(most)s datasets.") % {"most": MOST_DATASETS}
        return []
    kept = set(challenge.datasets.values_list("pk", flat=True)) if challenge.pk else set()
    found = {d.name: d for d in Dataset.objects.filter(name__in=names) if d.is_public or d.pk in kept}
    unknown = [name for name in names if name not in found]
    if unknown:
        errors["datasets"] = _("Not in the open catalogue: %(names)s.") % {"names": ", ".join(unknown[:5])}
    return [found[name] for name in names if name in found]


def save_challenge(
    *, actor, hackathon: Hackathon, challenge: Challenge | None = None, datasets: Sequence = (), **fields
) -> Challenge:
    """Add a challenge to a hackathon, or change one: its problem, its owner and the open datasets it rests on
    (by their short names in the catalogue)."""
    _fields(CHALLENGE_FIELDS, fields)
    require(actor, "innovation.run", hackathon)
    if challenge is not None and challenge.hackathon_id != hackathon.pk:
        raise DomainError(_("This challenge belongs to another hackathon."))
    instance = Challenge.objects.get(pk=challenge.pk) if challenge else Challenge(hackathon=hackathon)
    errors: dict = {}
    slug = _apply(instance, fields, errors)
    if not instance.title:
        errors["title"] = _("Give the challenge a title in Swedish.")
    if not instance.description:
        errors["description"] = _("Describe the problem in Swedish.")
    if instance.organisation_id is None:
        errors["organisation"] = _("Choose the organisation that owns the problem.")
    rows = _datasets(instance, datasets, errors)
    instance.slug = _slug(instance, slug, errors, hackathon=hackathon)
    with transaction.atomic():
        _checked_save(instance, errors)
        instance.datasets.set(rows)
    return instance


def _locked_for_judging(hackathon: Hackathon) -> Hackathon:
    """The hackathon, locked while its jury setup changes; refused once the jury has scored."""
    current = Hackathon.objects.select_for_update().get(pk=hackathon.pk)
    if current.results_published_at is not None:
        raise DomainError(_("The results are published. The judging can no longer change."))
    return current


def set_rubric(*, actor, hackathon: Hackathon, criteria: Sequence[tuple]) -> list[Criterion]:
    """Replace the jury's rubric: lines of (name, name_en, weight) or (name, name_en, weight, description). A
    line with nothing in it is left out. Once a juror has scored, the rubric stays: the scores are by it."""
    require(actor, "innovation.run", hackathon)
    errors: dict = {}
    lines, names = [], set()
    for number, (name, name_en, weight, *rest) in enumerate(criteria, start=1):
        name, name_en, description = _one_line(name), _one_line(name_en), _one_line(rest[0] if rest else "")
        if not (name or name_en or description or weight not in (None, "")):
            continue
        if not name:
            errors[f"name_{number}"] = _("Name the criterion in Swedish.")
        elif name.lower() in names:
            errors[f"name_{number}"] = _("Another criterion has this name.")
        names.add(name.lower())
        for field, value, most in (("name", name, 150), ("name_en", name_en, 150), ("description", description, 500)):
            if len(value) > most:
                errors[f"{field}_{number}"] = _("Write at most %(most)s characters.") % {"most": most}
        if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= MOST_WEIGHT:
            errors[f"weight_{number}"] = _("Give a weight: a whole number from 1 to %(most)s.") % {"most": MOST_WEIGHT}
        lines.append((name, name_en, weight, description))
    if not lines:
        errors["criteria"] = _("The rubric needs at least one criterion.")
    elif len(lines) > MOST_CRITERIA:
        errors["criteria"] = _("A rubric has at most %(most)s criteria.") % {"most": MOST_CRITERIA}
    with transaction.atomic():
        _locked_for_judging(hackathon)
        if Score.objects.filter(juror__hackathon=hackathon).exists():
            raise DomainError(_("The jury has started scoring, so the rubric can no longer change."))
        if errors:
            raise DomainError(errors)
        hackathon.criteria.all().delete()  # no score refers to them: checked above, under the lock
        return [
            Criterion.objects.create(hackathon=hackathon, name=name, name_en=name_en, weight=weight,
                                     description=description, order=order)
            for order, (name, name_en, weight, description) in enumerate(lines, start=1)
        ]  # fmt: skip


def set_questions(*, actor, hackathon: Hackathon, questions: Sequence[QuestionLine]) -> list[Question]:
    """The questions every team answers when it registers, in this order. A question already asked keeps its
    answers when its words change; one that a team has answered cannot be taken away, whether its row was emptied
    or left out (a form opened before another organiser added one)."""
    require(actor, "innovation.run", hackathon)
    with transaction.atomic():
        # Locked first, so that a team registering now cannot answer a question this change removes.
        Hackathon.objects.select_for_update().get(pk=hackathon.pk)
        existing = {question.pk: question for question in hackathon.questions.all()}
        answered = {key for answers in hackathon.teams.values_list("answers", flat=True) for key in answers or {}}
        kept = _question_lines(questions, existing, answered)
        for order, line in enumerate(kept, start=1):
            question = existing.pop(line.pk, None) or Question(hackathon=hackathon)
            question.text, question.text_en, question.required, question.order = (
                line.text, line.text_en, line.required, order)  # fmt: skip
            question.save()
        for question in existing.values():  # left out, and none of them answered: checked above
            question.delete()
    return list(hackathon.questions.all())


def _question_lines(questions: Sequence[QuestionLine], existing: dict, answered: set) -> list[QuestionLine]:
    errors: dict = {}
    kept: list[QuestionLine] = []
    for number, line in enumerate(questions, start=1):
        text, text_en = _one_line(line.text), _one_line(line.text_en)
        if line.pk is not None and line.pk not in existing:
            errors["questions"] = _("A question was changed meanwhile. Open the page again.")
            continue
        if not text and not text_en:
            if str(line.pk) in answered:
                errors[f"text_{number}"] = _("Teams have answered this question, so it stays. You can change its "
                                             "words.")  # fmt: skip
            continue
        if not text:
            errors[f"text_{number}"] = _("Write the question in Swedish.")
        for field, value in (("text", text), ("text_en", text_en)):
            if len(value) > Question._meta.get_field("text").max_length:
                errors[f"{field}_{number}"] = _("Write at most 300 characters.")
        kept.append(QuestionLine(text, text_en, bool(line.required), line.pk))
    left_out = set(existing) - {line.pk for line in questions if line.pk is not None}
    if any(str(pk) in answered for pk in left_out):
        errors["questions"] = _("A question was changed meanwhile. Open the page again.")
    if len(kept) > MOST_QUESTIONS:
        errors["questions"] = _("Ask at most %(most)s questions.") % {"most": MOST_QUESTIONS}
    if errors:
        raise DomainError(errors)
    return kept


def add_juror(*, actor, hackathon: Hackathon, person) -> Juror:
    require(actor, "innovation.run", hackathon)
    if person is None or not person.is_active:
        raise DomainError({"person": _("Name a person with an account here.")})
    already = DomainError({"person": _("%(name)s is already on the jury.") % {"name": person.display_name}})
    with transaction.atomic():
        _locked_for_judging(hackathon)
        if Juror.objects.filter(hackathon=hackathon, person=person).exists():
            raise already
        try:
            with transaction.atomic():
                return Juror.objects.create(hackathon=hackathon, person=person)
        except IntegrityError as exc:  # added by someone else between the check and now
            raise already from exc


def remove_juror(*, actor, hackathon: Hackathon, juror: Juror) -> None:
    """Take someone off the jury, before they have scored: a juror's scores are part of the ranking."""
    require(actor, "innovation.run", hackathon)
    if juror.hackathon_id != hackathon.pk:
        raise DomainError(_("This person is on another hackathon's jury."))
    with transaction.atomic():
        _locked_for_judging(hackathon)
        if Score.objects.filter(juror=juror).exists():
            raise DomainError(_("%(name)s has scored submissions, so they stay on the jury: their scores are part "
                                "of the ranking.") % {"name": juror.person.display_name})  # fmt: skip
        juror.delete()
