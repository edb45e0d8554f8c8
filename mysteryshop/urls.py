from django.urls import path

from mysteryshop.views import checklists

app_name = "mysteryshop"

urlpatterns = [
    path("checklists/", checklists.checklist_list, name="checklists"),
    path("checklists/new/", checklists.checklist_create, name="checklist-create"),
    path("checklists/<int:pk>/", checklists.checklist_detail, name="checklist"),
    path("checklists/<int:pk>/edit/", checklists.checklist_edit, name="checklist-edit"),
    path("checklists/<int:pk>/copy/", checklists.checklist_copy, name="checklist-copy"),
    path("checklists/<int:pk>/sections/add/", checklists.section_form, name="section-add"),
    path("checklists/<int:pk>/sections/<int:section_pk>/edit/", checklists.section_form,
         name="section-edit"),
    path("checklists/<int:pk>/sections/<int:section_pk>/standards/add/", checklists.standard_form,
         name="standard-add"),
    path("checklists/<int:pk>/standards/<int:standard_pk>/edit/", checklists.standard_form,
         name="standard-edit"),
    path("checklists/<int:pk>/standards/<int:standard_pk>/remove/", checklists.standard_remove,
         name="standard-remove"),
]
