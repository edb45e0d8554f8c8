"""The one upload service every app uses.

Files are checked by their content, not their name; size is limited by the UPLOAD_MAX_BYTES
setting; photos lose their EXIF data (including GPS location); files are stored under
random names outside the static root and only ever served by `serve()` from a view that has
already checked who may see them.
"""

import io
import os
import uuid
import zipfile
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import models
from django.db.models.fields.files import FieldFile
from django.forms.widgets import Widget
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import Promise, lazy
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError


@dataclass(frozen=True)
class Kind:
    extension: str
    mime: str
    label: str | Promise
    is_image: bool = False


KINDS = {
    "pdf": Kind("pdf", "application/pdf", _("PDF")),
    "docx": Kind(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _("Word document"),
    ),
    "doc": Kind("doc", "application/msword", _("Word document")),
    "xlsx": Kind(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _("Excel sheet")
    ),
    "xls": Kind("xls", "application/vnd.ms-excel", _("Excel sheet")),
    "pptx": Kind(
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _("PowerPoint"),
    ),
    "odt": Kind("odt", "application/vnd.oasis.opendocument.text", _("OpenDocument text")),
    "ods": Kind("ods", "application/vnd.oasis.opendocument.spreadsheet", _("OpenDocument sheet")),
    "jpg": Kind("jpg", "image/jpeg", _("JPEG photo"), is_image=True),
    "png": Kind("png", "image/png", _("PNG image"), is_image=True),
    "gif": Kind("gif", "image/gif", _("GIF image"), is_image=True),
    "webp": Kind("webp", "image/webp", _("WebP image"), is_image=True),
    "txt": Kind("txt", "text/plain", _("plain text")),
    "csv": Kind("csv", "text/csv", _("CSV file")),
}
DOCUMENTS = frozenset(KINDS)
IMAGES = frozenset(k for k, v in KINDS.items() if v.is_image)
_MIME_TO_KIND = {v.mime: k for k, v in KINDS.items()}
_TEXT_EXTENSIONS = {".txt": "txt", ".csv": "csv", ".md": "txt"}
_SNIFF_BYTES = 8192
# Office files are zips. A real one unpacks to a few times its size; a "zip bomb" (a small file
# that unpacks to gigabytes) to hundreds of times. Both are judged from the zip's directory
# alone, before anything is unpacked or parsed.
ZIP_KINDS = frozenset({"docx", "xlsx", "pptx", "odt", "ods"})
ZIP_MAX_RATIO = 100
ZIP_RATIO_FLOOR = 10 * 1024 * 1024  # below this, any ratio is harmless
# Decoding an image takes a few bytes a pixel: 40 million pixels (more than any phone photo) is
# the most a web process may hold at once.
IMAGE_MAX_PIXELS = 40_000_000
# Markup documents start with one of these; text that merely mentions a tag is still text.
_MARKUP_STARTS = (b"<svg", b"<?xml", b"<!doctype", b"<html")


def human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def _read_head(f: File) -> bytes:
    f.seek(0)
    head = f.read(_SNIFF_BYTES)
    f.seek(0)
    return head


def _looks_like_text(f: File) -> bool:
    f.seek(0)
    data = f.read(1024 * 1024)
    f.seek(0)
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return False
    # An SVG or web page renamed .txt is markup, not text. Text that mentions "<script" (notes
    # about a web form) is text: it is only ever served as a download, as text/plain with nosniff.
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not start.startswith(_MARKUP_STARTS)


def detect_kind(f: File, name: str = "") -> str | None:
    """The key in KINDS for this file's content, or None if it is not a type we accept."""
    head = _read_head(f)
    guess = filetype.guess(head)
    if guess is not None:
        if guess.extension in {"docx", "xlsx", "pptx", "odt", "ods"}:
            return guess.extension
        return _MIME_TO_KIND.get(guess.mime)
    ext = os.path.splitext(name)[1].lower()
    if ext in _TEXT_EXTENSIONS and _looks_like_text(f):
        return _TEXT_EXTENSIONS[ext]
    return None


def unpacked_size(f: File) -> dict[str, int]:
    """Each part of a zip (an Office file) and its size unpacked, from the zip's directory."""
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as package:
            return {member.filename: member.file_size for member in package.infolist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ValidationError(
            gettext("This file is damaged and cannot be opened. Save it again, then choose it again."),
            code="damaged",
        ) from exc
    finally:
        f.seek(0)


def check_unpacked_size(f: File, size: int) -> None:
    """Refuse an Office file that unpacks to far more than it weighs, or to more than the cap."""
    unpacked = sum(unpacked_size(f).values())
    if unpacked > ZIP_RATIO_FLOOR and unpacked > size * ZIP_MAX_RATIO:
        raise ValidationError(
            gettext("This file unpacks to far more than its size (%(unpacked)s from %(size)s), which a "
                    "real document does not. Save it again from Word or Excel, or save it as a PDF, then "
                    "choose it again.") % {"unpacked": human_size(unpacked), "size": human_size(size)},
            code="zip_bomb",
        )
    limit = settings.UPLOAD_UNPACKED_MAX_BYTES
    if unpacked > limit:
        raise ValidationError(
            gettext("This file unpacks to %(unpacked)s; files can unpack to at most %(limit)s. Make it "
                    "smaller or split it, then choose it again.")
            % {"unpacked": human_size(unpacked), "limit": human_size(limit)},
            code="too_large_unpacked",
        )


def _allowed_list(allowed: Set[str]) -> str:
    labels = sorted({str(KINDS[k].label) for k in allowed})
    if len(labels) == 1:
        return labels[0]
    return gettext("%(some)s or %(last)s") % {"some": ", ".join(labels[:-1]), "last": labels[-1]}


def validate_upload(f: File, allowed: Set[str] = DOCUMENTS) -> str:
    """Raise ValidationError unless the file is small enough and of an allowed type by content."""
    name = getattr(f, "name", "") or ""
    size = getattr(f, "size", None)
    limit = settings.UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        raise ValidationError(
            gettext("The file is %(size)s. Files can be up to %(limit)s: make it smaller or split it, then "
                    "choose it again.") % {"size": human_size(size), "limit": human_size(limit)},
            code="too_large",
        )
    if not size:
        raise ValidationError(gettext("The file is empty. Choose the file again."), code="empty")
    if name.lower().endswith(".svg"):
        # No PDF where only images go.
        instead = gettext("Save it as a PNG or PDF and choose it again.") if "pdf" in allowed else gettext(
            "Save it as a PNG and choose it again.")
        raise ValidationError(
            gettext("SVG images cannot be uploaded because they can contain scripts.") + " " + instead,
            code="svg",
        )
    kind = detect_kind(f, name)
    if kind is None or kind not in allowed:
        raise ValidationError(
            gettext("This file is not a type we accept. Choose a %(kinds)s.")
            % {"kinds": _allowed_list(allowed)},
            code="bad_type",
        )
    if kind in ZIP_KINDS:
        check_unpacked_size(f, size)
    return kind


def validate_image_upload(f: File) -> None:
    validate_upload(f, IMAGES)


def strip_image_metadata(f: File, kind: str) -> bytes:
    """A copy of the image without EXIF (location, camera) data, turned the right way up."""
    f.seek(0)
    try:
        with Image.open(f) as img:
            _check_pixels(img)  # from the header, before the pixels are decoded
            img.load()
            upright = ImageOps.exif_transpose(img)
            out = io.BytesIO()
            fmt = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}[kind]
            if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            options = {"quality": 90} if fmt in ("JPEG", "WEBP") else {}
            upright.save(out, format=fmt, **options)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            gettext("This image could not be read. Choose another photo."), code="bad_image"
        ) from exc
    return out.getvalue()


def _check_pixels(img: Image.Image) -> None:
    width, height = img.size
    if width * height > IMAGE_MAX_PIXELS:
        raise ValidationError(
            gettext("This image is %(width)s by %(height)s pixels, too large to use. Make it smaller (no "
                    "more than %(million)s million pixels, such as 8000 by 5000) and choose it again.")
            % {"width": width, "height": height, "million": IMAGE_MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        )


def prepare_upload(f: File, allowed: Set[str] = DOCUMENTS) -> File:
    """Validate an uploaded file and return a safe copy ready to save in a FileField."""
    kind = validate_upload(f, allowed)
    stem = os.path.splitext(os.path.basename(getattr(f, "name", "") or "file"))[0]
    safe_name = f"{get_valid_filename(stem)[:80] or 'file'}.{KINDS[kind].extension}"
    if KINDS[kind].is_image:
        return ContentFile(strip_image_metadata(f, kind), name=safe_name)
    f.seek(0)
    f.name = safe_name
    return f


def _what_may_be_uploaded(allowed: Set[str]) -> str:
    return gettext("%(kinds)s; up to %(size)s.") % {
        "kinds": _allowed_list(allowed), "size": human_size(settings.UPLOAD_MAX_BYTES)}


# Worked out when shown, in the page's language (fields are made once, when their form is).
_kinds_help = lazy(_what_may_be_uploaded, str)


class UploadField(forms.FileField):
    """A form file field that runs the upload service on what it receives."""

    def __init__(self, *args: Any, allowed: Set[str] = DOCUMENTS, **kwargs: Any) -> None:
        self.allowed = allowed
        kwargs.setdefault("help_text", _kinds_help(allowed))
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget: Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(sorted({"." + KINDS[k].extension for k in self.allowed}))
        return attrs

    def clean(self, data: Any, initial: Any = None) -> Any:
        data = super().clean(data, initial)
        if data and data is not initial and hasattr(data, "read"):
            return prepare_upload(data, self.allowed)
        return data


class UploadFileField(models.FileField):
    """A model file field whose forms (the product's and the Django admin's alike) run the
    upload service: content checked, size limited, photos stripped of EXIF, a safe name.

    Migrations see a plain FileField (the form is all that differs), so none is needed."""

    allowed: frozenset[str] = DOCUMENTS

    def __init__(self, *args: Any, allowed: frozenset[str] | None = None, **kwargs: Any) -> None:
        if allowed is not None:
            self.allowed = allowed
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, Any, Any]:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs

    def formfield(
        self, form_class: type[forms.Field] | None = None,
        choices_form_class: type[forms.ChoiceField] | None = None, **kwargs: Any,
    ) -> forms.Field | None:
        # Whatever form class is asked for (the admin asks for its own), the upload's runs.
        return super().formfield(
            form_class=UploadField, choices_form_class=choices_form_class, allowed=self.allowed, **kwargs
        )


class UploadImageField(models.ImageField):
    """UploadFileField for images: PNG, JPEG, GIF or WebP, without their EXIF data."""

    def deconstruct(self) -> tuple[str, str, Any, Any]:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs

    def formfield(
        self, form_class: type[forms.Field] | None = None,
        choices_form_class: type[forms.ChoiceField] | None = None, **kwargs: Any,
    ) -> forms.Field | None:
        # Whatever form class is asked for (the admin asks for its own), the upload's runs.
        return super().formfield(
            form_class=UploadField, choices_form_class=choices_form_class, allowed=IMAGES, **kwargs
        )


@deconstructible
class UploadPath:
    """upload_to for FileFields: a random name under prefix/year/month, keeping the extension."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, instance: models.Model, filename: str) -> str:
        ext = os.path.splitext(filename)[1].lower()[:6]
        today = timezone.now()
        return f"{self.prefix}/{today:%Y/%m}/{uuid.uuid4().hex}{ext}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadPath) and other.prefix == self.prefix


def serve(field_file: FieldFile, *, download_name: str | None = None) -> FileResponse:
    """Send a stored file to someone already allowed to see it, so that it cannot run as a page."""
    if not field_file.name:
        raise Http404("This file is no longer stored.")
    kind = KINDS.get(os.path.splitext(field_file.name)[1].lstrip(".").lower())
    content_type = kind.mime if kind else "application/octet-stream"
    inline = bool(kind and kind.is_image)
    name = download_name or os.path.basename(field_file.name)
    if kind and not name.lower().endswith("." + kind.extension):
        name = f"{name}.{kind.extension}"
    response = FileResponse(
        field_file.open("rb"), as_attachment=not inline, filename=name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
