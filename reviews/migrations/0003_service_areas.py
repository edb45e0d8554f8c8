from django.db import migrations

# The usual services a panel looks at; administrators add, rename or retire them in the admin.
SERVICE_AREAS = [
    "Anti-social behaviour", "Complaints", "Customer service", "Empty homes", "Estates",
    "Homelessness", "Rents", "Repairs", "Sheltered housing", "Tenant participation",
]


def add_service_areas(apps, schema_editor):
    ServiceArea = apps.get_model("reviews", "ServiceArea")
    for name in SERVICE_AREAS:
        ServiceArea.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_evidence_findings_comments_drafts")]

    operations = [migrations.RunPython(add_service_areas, migrations.RunPython.noop)]
