"""Log-in security: a lock-out after failed log-ins (django-axes) and two-factor codes for staff (django-otp)."""
