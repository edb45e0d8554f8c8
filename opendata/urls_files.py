from django.urls import path

from opendata import views

app_name = "open-data"

# The open data files: one stable address each, outside the language prefix (opendata/export.py).
urlpatterns = [
    path("scrutiny.json", views.json_file, name="json"),
    path("scrutiny-csv.zip", views.csv_file, name="csv"),
    path("feed.atom", views.feed_file, name="feed"),
    path("scrutiny.schema.json", views.schema_file, name="schema"),
]
