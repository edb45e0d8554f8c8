"""The data migration that accounts for actions left open on recommendations already marked
implemented or verified before the implement step asked about them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories.recommendations import ActionFactory, RecommendationFactory

BEFORE = [("recommendations", "0007_action_dropped_with_reason")]
AFTER = [("recommendations", "0008_close_actions_left_open")]


@pytest.mark.django_db(transaction=True)
def test_actions_left_open_on_finished_recommendations_show_as_dropped_with_why(every_migration_afterwards):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    # Between the two migrations the models are as they are now: the factories can make the rows.

    def action(status, rec_status):
        return ActionFactory(recommendation=RecommendationFactory(status=rec_status), status=status)

    verified_open = action("not_started", "verified")
    implemented_open = action("underway", "implemented")
    verified_done = action("done", "verified")
    in_progress_open = action("not_started", "in_progress")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    Action = executor.loader.project_state(AFTER).apps.get_model("recommendations", "Action")
    states = {a.pk: (a.status, a.dropped_reason) for a in Action.objects.all()}
    left_open = ("dropped", "Still open when the recommendation was marked implemented; "
                            "what became of it was not recorded.")
    assert states[verified_open.pk] == left_open
    assert states[implemented_open.pk] == left_open
    assert states[verified_done.pk] == ("done", "")
    assert states[in_progress_open.pk] == ("not_started", "")
