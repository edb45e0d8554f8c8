"""Passkeys and security keys (WebAuthn) as a second factor, through django-otp-webauthn: each is
one more django-otp device, added and used with the product's own pages and script."""
