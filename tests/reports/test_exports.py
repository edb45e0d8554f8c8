"""The tracker's exports: small ones download at once; past EXPORT_ROW_THRESHOLD rows the
worker makes them, with the same status page and download, for the person who asked only."""

from openpyxl import load_workbook

from reports.models import Kind, ReportRequest, Status
from tests.factories.recommendations import RecommendationFactory


def test_a_small_export_downloads_at_once(client, world, settings):
    settings.EXPORT_ROW_THRESHOLD = 5
    RecommendationFactory(review=world.review, status="submitted")
    client.force_login(world.manager)

    response = client.get("/recommendations/export.csv")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert not ReportRequest.objects.exists()


def test_a_large_export_is_made_by_the_worker_with_the_trackers_filters(client, world, settings, run_tasks):
    import io

    settings.EXPORT_ROW_THRESHOLD = 2
    for _ in range(3):
        RecommendationFactory(review=world.review, status="submitted")
    RecommendationFactory(review=world.review, status="verified")
    client.force_login(world.manager)

    response = run_tasks(client.get, "/recommendations/export.xlsx?status=submitted&page=2")

    report = ReportRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert report.kind == Kind.TRACKER_XLSX and report.parameters == {"filters": {"status": ["submitted"]}}
    assert report.status == Status.DONE, report.error_detail
    download = client.get(f"/reports/{report.pk}/download/")
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 1 + 3  # header and the three submitted ones
    client.force_login(world.officer)
    assert client.get(f"/reports/{report.pk}/download/").status_code == 403  # the rows were the manager's


def test_the_tracker_report_keeps_the_filters_chosen(client, world, run_tasks):
    RecommendationFactory(review=world.review, status="submitted")
    client.force_login(world.manager)

    run_tasks(client.post, "/reports/ask/tracker/?status=submitted&sort=due")

    report = ReportRequest.objects.get()
    assert report.kind == Kind.TRACKER
    assert report.parameters == {"filters": {"sort": ["due"], "status": ["submitted"]}}
    assert report.status == Status.DONE, report.error_detail
