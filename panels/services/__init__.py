"""Changes to panels, their members, meetings and training: import them from here."""

from panels.services.meetings import (
    add_item,
    add_paper,
    create_meeting,
    record_attendance,
    remove_item,
    remove_paper,
    send_apologies,
    update_meeting,
    withdraw_apologies,
)
from panels.services.member_list import add_member_list, check_member_list
from panels.services.membership import (
    add_member,
    add_or_invite,
    cancel_place,
    change_role,
    create_panel,
    end_membership,
    take_up_places,
    update_panel,
)
from panels.services.training import delete_training, record_training, update_training

__all__ = [
    "add_item",
    "add_member",
    "add_member_list",
    "add_or_invite",
    "add_paper",
    "cancel_place",
    "change_role",
    "check_member_list",
    "create_meeting",
    "create_panel",
    "delete_training",
    "end_membership",
    "record_attendance",
    "record_training",
    "remove_item",
    "remove_paper",
    "send_apologies",
    "take_up_places",
    "update_meeting",
    "update_panel",
    "update_training",
    "withdraw_apologies",
]
