from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from actions.access import readable_action
from actions.export import ODS_MIMETYPE, as_dates, csv_chunks, ods_chunks, register_rows, xlsx_chunks
from actions.filters import ActionFilter
from actions.forms import UpdateForm, WithdrawUpdateForm
from actions.history import action_changes
from actions.models import Action, ActionSummary, Status
from govuk.pagination import BothEndsPaginator
from meetings.models import Department

PAGE_SIZE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
def register(request):
    actions = ActionFilter(
        request.GET or None, queryset=Action.objects.visible_by_ids_to(request.user).for_table(), request=request
    )
    page = BothEndsPaginator(actions.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    without_meeting = query.copy()
    without_meeting.pop("meeting", None)
    return render(
        request,
        "actions/register.html",
        {
            "filter": actions,
            "page": page,
            "query": query.urlencode(),
            "without_meeting": without_meeting.urlencode(),
            "nav": "actions",
        },
    )


def _register_rows(request, date=None):
    """The rows of the actions the register's filters select, in the register's order, as SQL rows."""
    actions = ActionFilter(request.GET or None, queryset=Action.objects.visible_to(request.user).with_due()).qs
    return register_rows(actions, date)


def _download(chunks, extension, content_type):
    # Streamed as it is written: the first rows leave while the database is still sending the rest.
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="actions-{timezone.localdate():%Y-%m-%d}.{extension}"'
    return response


@require_GET
def register_csv(request):
    return _download(csv_chunks(_register_rows(request)), "csv", "text/csv; charset=utf-8")


@require_GET
def register_xlsx(request):
    return _download(xlsx_chunks(_register_rows(request, as_dates())), "xlsx", XLSX_TYPE)


@require_GET
def register_ods(request):
    return _download(ods_chunks(_register_rows(request, as_dates())), "ods", ODS_MIMETYPE)


@require_http_methods(["GET", "POST"])
def action(request, pk):
    action = readable_action(request, pk, Action.objects.for_listing())
    may_update = action.is_updatable_by(request.user)
    if request.method == "POST" and not may_update:
        raise PermissionDenied("Only the owning departments and the group's secretariat can update this action.")
    # "Drop" on the recording page comes here with the status to choose already chosen.
    chosen = {"status": request.GET["status"]} if request.GET.get("status") in Status.values else {}
    form = UpdateForm(request.POST if request.method == "POST" else None, action=action, initial=chosen)
    if form.is_valid() and form.save_unless_conflict(author=request.user):
        messages.success(request, f"Update recorded on {action.reference}.")
        return redirect(action)
    # Draft minutes are the secretariat's alone: a department user gets the meeting's date, not a link to it.
    meetings = {action.meeting, *(update.reported_at for update in action.updates.all() if update.reported_at)}
    readable_meetings = {meeting.pk for meeting in meetings if meeting.is_visible_to(request.user)}
    return render(
        request,
        "actions/action.html",
        {
            "action": action,
            "readable_meetings": readable_meetings,
            "form": form if may_update else None,
            "is_secretariat": action.meeting.group.is_served_by(request.user),
            "nav": "actions",
        },
    )


@require_http_methods(["GET", "POST"])
def update_withdraw(request, action_pk, pk):
    """The secretariat withdraws an update given in error, or replaces it with a corrected one."""
    action = readable_action(request, action_pk, Action.objects.for_listing())
    if not action.meeting.group.is_served_by(request.user):
        raise PermissionDenied("Only the group's secretariat can withdraw or correct an update.")
    update = next((update for update in action.updates.all() if update.pk == pk), None)
    if update is None:
        raise Http404("No such update on this action")
    form = WithdrawUpdateForm(request.POST if request.method == "POST" else None, update=update)
    if form.is_valid():
        try:
            saved = form.save_unless_conflict(by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
            saved = None
        if saved is not None:
            outcome = "corrected" if form.cleaned_data["outcome"] == form.CORRECT else "withdrawn"
            messages.success(request, f"The update on {action.reference} has been {outcome}.")
            return redirect(f"{action.get_absolute_url()}#update-{saved.pk}")
        # Nothing was saved: show the updates as they stand.
        action = readable_action(request, action_pk, Action.objects.for_listing())
        form.update = next(update for update in action.updates.all() if update.pk == pk)
    return render(
        request,
        "actions/update_withdraw.html",
        {"action": action, "update": form.update, "form": form, "nav": "actions"},
    )


@require_GET
def action_history(request, pk):
    action = readable_action(request, pk)
    return render(
        request, "actions/history.html", {"action": action, "changes": action_changes(action), "nav": "actions"}
    )


@require_GET
def departments(request):
    return render(
        request,
        "actions/departments.html",
        {"departments": Department.objects.filter(successor=None), "nav": "departments"},
    )


@require_GET
def department(request, pk):
    department = get_object_or_404(Department.objects.select_related("successor"), pk=pk)
    today = timezone.localdate()
    owned = Action.objects.visible_to(request.user).owned_by(department)
    summary = ActionSummary.of(owned, today)
    outstanding = owned.outstanding().for_table(today).by_urgency()
    paginator = BothEndsPaginator(outstanding, PAGE_SIZE)
    paginator.count = summary.outstanding  # counted with the summary: no second count
    page = paginator.get_page(request.GET.get("page"))
    # Listed by reference, text and when each closed: no owners or updates to fetch.
    completed = owned.recently_closed().select_related("meeting__group")[:10]
    return render(
        request,
        "actions/department.html",
        {
            "department": department,
            "current": department.current(),
            "page": page,
            "summary": summary,
            "completed": completed,
            "nav": "departments",
        },
    )
