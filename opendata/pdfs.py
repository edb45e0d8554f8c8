"""A published review's report as a PDF in English and, when the site offers it, in Welsh: made
by the worker once the report is published (scrutiny/pdf.py makes PDFs only there), each with its
language set in the PDF."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import translation

from opendata import public, selectors
from opendata.models import Publication
from reports.makers import file_name, logo_data_uri
from scrutiny.pdf import render_pdf
from scrutiny.translated import welsh_on

FIELDS = {"en-gb": "pdf_en_gb", "cy": "pdf_cy"}


def languages() -> list[str]:
    return ["en-gb", "cy"] if welsh_on() else ["en-gb"]


def make(*, publication_id: int) -> None:
    """Make (or make again) the publication's PDFs; a publication taken down meanwhile gets none."""
    publication = Publication.objects.filter(pk=publication_id, unpublished_at__isnull=True).first()
    if publication is None:
        return
    for language in languages():
        with translation.override(language):
            content = render(publication)
            field = getattr(publication, FIELDS[language])
            field.save(file_name(publication.review.title, "pdf"), ContentFile(content), save=False)
    publication.save(update_fields=list(FIELDS.values()))
    public.changed()


def render(publication: Publication) -> bytes:
    """The PDF of the review's report in the active language."""
    review = selectors.published_review(publication.review_id)
    context = selectors.review_report(review)
    context.update({"pdf": True, "logo": logo_data_uri(context["site"]),
                    "language": translation.get_language()})
    return render_pdf("opendata/pdf/review.html", context)
