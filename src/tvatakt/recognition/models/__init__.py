from tvatakt.recognition.models.award import AwardRound, Nomination, Score
from tvatakt.recognition.models.event import Event, Policy
from tvatakt.recognition.models.lesson import Lesson, LessonUse, Tag

__all__ = ["AwardRound", "Event", "Lesson", "LessonUse", "Nomination", "Policy", "Score", "Tag"]
