"""A second factor at sign-in: authenticator apps (TOTP) and recovery codes, on django-otp.

Staff must have one; tenants may turn one on. `methods.py` lists the kinds of method, so another
kind (passkeys) adds itself with one `register` call; `middleware.py` keeps a session that has
passed the password but not the second factor on the step page."""
