from tvatakt.innovation.models.consultation import Consultation
from tvatakt.innovation.models.idea import Comment, Idea, Report, Support

__all__ = ["Comment", "Consultation", "Idea", "Report", "Support"]
