"""The data migration that moved the public register setting onto the site settings switches."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from scrutiny import switches

KEY = "mysteryshop.public_register"
BEFORE = [("mysteryshop", "0003_site_version")]
AFTER = [("mysteryshop", "0004_register_switch")]


@pytest.mark.django_db(transaction=True)
def test_a_public_register_chosen_before_the_move_stays_public(every_migration_afterwards):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    old_apps.get_model("mysteryshop", "RegisterSettings").objects.update_or_create(
        pk=1, defaults={"public_register": True}
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    cache.clear()
    assert switches.is_on(KEY) is True
