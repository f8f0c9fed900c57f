from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template import loader
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from tvatakt.core.tasks import retried


@task()
@retried
def send_password_reset(*, user_pk: int, domain: str, use_https: bool, language: str) -> None:
    """E-mail a password-reset link. Safe to run twice: the second link works as well as the first."""
    user = get_user_model()._default_manager.filter(pk=user_pk, is_active=True).first()
    if user is None or not user.email:
        return
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    with translation.override(language):
        subject = "".join(loader.render_to_string("registration/password_reset_subject.txt", context).splitlines())
        body = loader.render_to_string("registration/password_reset_email.html", context)
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
