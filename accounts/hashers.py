"""How passwords are stored: Argon2id with OWASP's parameters (Password Storage Cheat Sheet:
19 MiB of memory, 2 passes, 1 lane).

Why: Django 5.2's default, PBKDF2 with 1,000,000 iterations, costs about 230 ms of CPU per
check on the two-core machine the site is measured on, and under load every sign-in held a web
worker that long and dragged every other request's time up. Argon2id at these parameters costs
a few tens of milliseconds and resists guessing on graphics cards better, since each guess needs
its 19 MiB. Django's own Argon2 hasher asks for 100 MiB and 8 lanes, more than OWASP asks for
and more than a small container should spend per sign-in.

PBKDF2 stays listed after it (scrutiny/settings.py), so a password stored before still works
and Django stores it afresh with Argon2id at that person's next sign-in."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Django's Argon2 hasher (argon2id) with OWASP's minimum parameters. Its name stays
    "argon2", so a hash made with other parameters is recognised and upgraded at sign-in."""

    time_cost = 2
    memory_cost = 19 * 1024  # in KiB
    parallelism = 1
