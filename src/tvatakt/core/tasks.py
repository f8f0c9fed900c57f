"""Background tasks that any app may enqueue."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(*, subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one e-mail. Safe to run twice: at worst the receiver gets it twice."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
