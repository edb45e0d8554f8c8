from django.urls import path

from panels.views import figures, meetings, members, panels, people

app_name = "panels"

urlpatterns = [
    path("", panels.panel_list, name="list"),
    path("new/", panels.new, name="new"),
    path("<int:pk>/", panels.detail, name="detail"),
    path("<int:pk>/edit/", panels.edit, name="edit"),
    path("<int:pk>/terms-of-reference/", panels.terms_of_reference, name="terms"),
    # Members
    path("<int:pk>/members/", members.members, name="members"),
    path("<int:pk>/members/add/", members.add_member, name="add-member"),
    path("<int:pk>/members/add-list/", members.add_member_list, name="add-member-list"),
    path("members/<int:pk>/role/", members.change_role, name="change-role"),
    path("members/<int:pk>/leave/", members.end_membership, name="end-membership"),
    path("places/<int:pk>/withdraw/", members.cancel_place, name="cancel-place"),
    # Training
    path("<int:pk>/training/", people.panel_training, name="training"),
    path("people/<int:pk>/", people.person, name="person"),
    path("people/<int:pk>/training/add/", people.add_training, name="add-training"),
    path("training/<int:pk>/edit/", people.edit_training, name="edit-training"),
    path("training/<int:pk>/delete/", people.delete_training, name="delete-training"),
    path("training/<int:pk>/certificate/", people.certificate, name="certificate"),
    # Meetings
    path("<int:pk>/meetings/", meetings.meeting_list, name="meetings"),
    path("<int:pk>/meetings/new/", meetings.new_meeting, name="new-meeting"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.edit_meeting, name="edit-meeting"),
    path("meetings/<int:pk>/calendar.ics", meetings.meeting_ics, name="meeting-ics"),
    path("meetings/<int:pk>/apologies/", meetings.apologies, name="apologies"),
    path("meetings/<int:pk>/apologies/withdraw/", meetings.withdraw_apologies, name="withdraw-apologies"),
    path("meetings/<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("meetings/<int:pk>/papers/add/", meetings.add_paper, name="add-paper"),
    path("papers/<int:pk>/", meetings.paper, name="paper"),
    path("papers/<int:pk>/remove/", meetings.remove_paper, name="remove-paper"),
    path("meetings/<int:pk>/items/add/", meetings.add_item, name="add-item"),
    path("items/<int:pk>/remove/", meetings.remove_item, name="remove-item"),
    # Volunteering figures
    path("volunteering/", figures.figures, name="figures"),
    path("<int:pk>/volunteering/", figures.panel_figures, name="panel-figures"),
]
