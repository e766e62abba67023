"""Pages of the cases area (included by gonghui/rights/urls.py under the 'rights' namespace)."""

from django.urls import path

from gonghui.rights.cases import views as cases

urlpatterns = [
    path("", cases.CaseListView.as_view(), name="case_list"),
    path("add/", cases.case_add, name="case_add"),
    path("<int:pk>/", cases.case_detail, name="case_detail"),
    path("<int:pk>/accept/", cases.case_accept, name="case_accept"),
    path("<int:pk>/decline/", cases.case_decline, name="case_decline"),
    path("<int:pk>/assign/", cases.case_assign, name="case_assign"),
    path("<int:pk>/mediate/", cases.case_mediate, name="case_mediate"),
    path("<int:pk>/outcome/", cases.case_outcome, name="case_outcome"),
    path("<int:pk>/recovery/", cases.case_recovery, name="case_recovery"),
    path("<int:pk>/withdraw/", cases.case_withdraw, name="case_withdraw"),
    path("<int:pk>/close/", cases.case_close, name="case_close"),
    path("<int:pk>/reopen/", cases.case_reopen, name="case_reopen"),
    path("<int:pk>/notes/add/", cases.case_note_add, name="case_note_add"),
    path("<int:pk>/documents/add/", cases.case_document_add, name="case_document_add"),
    path("documents/<int:pk>/", cases.case_document, name="case_document"),
    path("<int:pk>/court/export/", cases.case_court_export, name="case_court_export"),
    path("<int:pk>/court/import/", cases.case_court_import, name="case_court_import"),
]
