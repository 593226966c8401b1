"""Taskforces ("one problem, one project"), their members and their roadmaps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Contact,
    Meeting,
    Organisation,
    Programme,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
    TaskforceOrigin,
)
from resilian_desktop.domain import rules
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, NotFoundError
from resilian_desktop.domain.vocab import ActionStatus, MemberRole, TaskforceStatus
from resilian_desktop.services.common import (
    check_reference,
    collect,
    enum_value,
    get_or_raise,
    raise_if,
    refuse_if_history,
    renumber,
)
from resilian_desktop.services.versions import DERIVED, check_unchanged, touch

CLOSED_ACTION_STATUSES = (ActionStatus.DONE.value, ActionStatus.DROPPED.value)


@dataclass(frozen=True)
class TaskforceDraft:
    programme_id: int
    name: str
    problem_statement: str | None = None
    objectives: str | None = None
    success_indicators: str | None = None
    lead_organisation_id: int | None = None
    lead_person_id: int | None = None
    status: str = TaskforceStatus.EMERGING.value
    start_date: object = None
    end_date: object = None
    origin_organisation_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class TaskforceRow:
    id: int
    programme_id: int
    name: str
    problem_statement: str | None
    objectives: str | None
    success_indicators: str | None
    lead_organisation_id: int | None
    lead_organisation_name: str | None
    lead_person_id: int | None
    lead_contact_name: str | None
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    actions: int = field(metadata=DERIVED)
    actions_done: int = field(metadata=DERIVED)
    actions_late: int = field(metadata=DERIVED)
    archived_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str | None
    updated_by: str | None
    version: int


@dataclass(frozen=True)
class MemberRow:
    id: int
    taskforce_id: int
    person_id: int | None
    contact_name: str | None
    organisation_id: int | None
    organisation_name: str | None
    role: str


@dataclass(frozen=True)
class ActionDraft:
    title: str
    description: str | None = None
    owner_person_id: int | None = None
    owner_organisation_id: int | None = None
    start_date: object = None
    due_date: object = None
    status: str = ActionStatus.TODO.value
    progress: object = None
    is_milestone: bool = False
    done_date: object = None
    deliverable: str | None = None
    decided_in_meeting_id: int | None = None


@dataclass(frozen=True)
class ActionRow:
    id: int
    taskforce_id: int
    position: int
    title: str
    description: str | None
    owner_person_id: int | None
    owner_organisation_id: int | None
    owner: str | None = field(metadata=DERIVED)  # names of the ids above
    start_date: dt.date | None
    due_date: dt.date | None
    status: str
    progress: int
    is_milestone: bool
    done_date: dt.date | None
    deliverable: str | None
    decided_in_meeting_id: int | None
    updated_at: dt.datetime
    updated_by: str | None
    version: int

    def is_late(self, today: dt.date | None = None) -> bool:
        """Due before today and neither done nor dropped."""
        today = today or dt.date.today()
        return (
            self.due_date is not None
            and self.due_date < today
            and self.status not in CLOSED_ACTION_STATUSES
        )


# --- taskforces -------------------------------------------------------------


def validate_draft(session: Session, draft: TaskforceDraft) -> dict[str, object]:
    problems: list[FieldProblem] = []
    values: dict[str, object] = {
        "programme_id": draft.programme_id,
        "name": collect(problems, v.require_text, draft.name, field="name"),
        "problem_statement": collect(
            problems,
            v.optional_text,
            draft.problem_statement,
            field="problem_statement",
            multiline=True,
        ),
        "objectives": collect(
            problems, v.optional_text, draft.objectives, field="objectives", multiline=True
        ),
        "success_indicators": collect(
            problems,
            v.optional_text,
            draft.success_indicators,
            field="success_indicators",
            multiline=True,
        ),
        "lead_organisation_id": draft.lead_organisation_id,
        "lead_person_id": draft.lead_person_id,
        "status": enum_value(draft.status, TaskforceStatus, "status", problems),
        "start_date": collect(problems, v.parse_date, draft.start_date, field="start_date"),
        "end_date": collect(problems, v.parse_date, draft.end_date, field="end_date"),
    }
    collect(
        problems,
        v.check_date_order,
        values["start_date"],
        values["end_date"],
        start_field="start_date",
        end_field="end_date",
    )
    check_reference(session, Programme, draft.programme_id, "programme_id", "programme", problems)
    check_reference(
        session,
        Organisation,
        draft.lead_organisation_id,
        "lead_organisation_id",
        "organisation",
        problems,
    )
    check_reference(session, Contact, draft.lead_person_id, "lead_person_id", "contact", problems)
    for org_id in draft.origin_organisation_ids:
        check_reference(
            session, Organisation, org_id, "origin_organisation_ids", "organisation", problems
        )
    raise_if(problems)
    return values


def _taskforce_rows(session: Session, where: list[object], today: dt.date) -> list[TaskforceRow]:
    stats = (
        select(
            RoadmapAction.taskforce_id.label("taskforce_id"),
            func.count().label("total"),
            func.sum(case((RoadmapAction.status == ActionStatus.DONE.value, 1), else_=0)).label(
                "done"
            ),
            func.sum(
                case(
                    (
                        (RoadmapAction.due_date < today)
                        & RoadmapAction.status.not_in(CLOSED_ACTION_STATUSES),
                        1,
                    ),
                    else_=0,
                )
            ).label("late"),
        )
        .group_by(RoadmapAction.taskforce_id)
        .subquery()
    )
    lead_org = Organisation.__table__.alias("lead_org")
    lead_contact = Contact.__table__.alias("lead_person")
    query = (
        select(
            Taskforce,
            lead_org.c.name,
            lead_contact.c.first_name,
            lead_contact.c.last_name,
            func.coalesce(stats.c.total, 0),
            func.coalesce(stats.c.done, 0),
            func.coalesce(stats.c.late, 0),
        )
        .outerjoin(lead_org, lead_org.c.id == Taskforce.lead_organisation_id)
        .outerjoin(lead_contact, lead_contact.c.id == Taskforce.lead_person_id)
        .outerjoin(stats, stats.c.taskforce_id == Taskforce.id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(func.fold(Taskforce.name), Taskforce.id)
    )
    return [
        TaskforceRow(
            id=t.id,
            programme_id=t.programme_id,
            name=t.name,
            problem_statement=t.problem_statement,
            objectives=t.objectives,
            success_indicators=t.success_indicators,
            lead_organisation_id=t.lead_organisation_id,
            lead_organisation_name=org_name,
            lead_person_id=t.lead_person_id,
            lead_contact_name=f"{first} {last}" if last else None,
            status=t.status,
            start_date=t.start_date,
            end_date=t.end_date,
            actions=int(total),
            actions_done=int(done),
            actions_late=int(late),
            archived_at=t.archived_at,
            created_at=t.created_at,
            updated_at=t.updated_at,
            created_by=t.created_by,
            updated_by=t.updated_by,
            version=t.version,
        )
        for t, org_name, first, last, total, done, late in session.execute(query)
    ]


def _set_origins(session: Session, taskforce_id: int, ids: tuple[int, ...]) -> None:
    session.execute(delete(TaskforceOrigin).where(TaskforceOrigin.taskforce_id == taskforce_id))
    for org_id in dict.fromkeys(ids):
        session.add(TaskforceOrigin(taskforce_id=taskforce_id, organisation_id=org_id))


def create_taskforce(db: Database, draft: TaskforceDraft) -> TaskforceRow:
    with db.write() as session:
        taskforce = Taskforce(**validate_draft(session, draft))
        session.add(taskforce)
        session.flush()
        _set_origins(session, taskforce.id, draft.origin_organisation_ids)
        session.flush()
        return _taskforce_rows(session, [Taskforce.id == taskforce.id], dt.date.today())[0]


def update_taskforce(
    db: Database, taskforce_id: int, draft: TaskforceDraft, *, base: TaskforceRow | None = None
) -> TaskforceRow:
    """Save *draft* over the taskforce; StaleRecordError when it is no longer the
    version of *base*, the row the user started from (services.versions)."""
    with db.write() as session:
        taskforce = get_or_raise(session, Taskforce, taskforce_id, "taskforce")
        current = _taskforce_rows(session, [Taskforce.id == taskforce_id], dt.date.today())[0]
        check_unchanged("taskforce", base, current, taskforce.name)
        for key, value in validate_draft(session, draft).items():
            setattr(taskforce, key, value)
        touch(taskforce)
        _set_origins(session, taskforce_id, draft.origin_organisation_ids)
        session.flush()
        return _taskforce_rows(session, [Taskforce.id == taskforce_id], dt.date.today())[0]


def get_taskforce(db: Database, taskforce_id: int, *, today: dt.date | None = None) -> TaskforceRow:
    with db.read() as session:
        get_or_raise(session, Taskforce, taskforce_id, "taskforce")
        return _taskforce_rows(session, [Taskforce.id == taskforce_id], today or dt.date.today())[0]


def list_taskforces(
    db: Database,
    *,
    programme_id: int | None = None,
    status: str | None = None,
    today: dt.date | None = None,
    include_archived: bool = False,
) -> list[TaskforceRow]:
    """Taskforces by name; archived ones are left out unless include_archived."""
    where: list[object] = []
    if not include_archived:
        where.append(Taskforce.archived_at.is_(None))
    if programme_id is not None:
        where.append(Taskforce.programme_id == programme_id)
    if status:
        where.append(Taskforce.status == status)
    with db.read() as session:
        return _taskforce_rows(session, where, today or dt.date.today())


def history_of(session: Session, taskforce_id: int) -> dict[str, int]:
    """What makes a taskforce part of the record: its roadmap, members and meetings."""
    history = {
        "roadmap actions": int(
            session.scalar(select(func.count()).where(RoadmapAction.taskforce_id == taskforce_id))
            or 0
        ),
        "members": int(
            session.scalar(select(func.count()).where(TaskforceMember.taskforce_id == taskforce_id))
            or 0
        ),
        "meetings": int(
            session.scalar(select(func.count()).where(Meeting.taskforce_id == taskforce_id)) or 0
        ),
    }
    return {name: n for name, n in history.items() if n}


def delete_taskforce(db: Database, taskforce_id: int) -> None:
    """Delete a taskforce without history (the organisations that raised it are unlinked)."""
    with db.write() as session:
        taskforce = get_or_raise(session, Taskforce, taskforce_id, "taskforce")
        refuse_if_history(
            "taskforce", taskforce_id, taskforce.name, history_of(session, taskforce_id)
        )
        session.execute(delete(TaskforceOrigin).where(TaskforceOrigin.taskforce_id == taskforce_id))
        session.delete(taskforce)


# --- members ----------------------------------------------------------------


def add_member(
    db: Database,
    taskforce_id: int,
    *,
    person_id: int | None = None,
    organisation_id: int | None = None,
    role: str = MemberRole.MEMBER.value,
) -> MemberRow:
    """Add a person (with their organisation) or a whole organisation to a taskforce."""
    problems: list[FieldProblem] = []
    role = enum_value(role, MemberRole, "role", problems)
    if person_id is None and organisation_id is None:
        problems.append(FieldProblem("person_id", "required", "give a person or an organisation"))
    raise_if(problems)
    with db.write() as session:
        get_or_raise(session, Taskforce, taskforce_id, "taskforce")
        contact = (
            get_or_raise(session, Contact, person_id, "contact") if person_id is not None else None
        )
        if organisation_id is None and contact is not None:
            organisation_id = contact.organisation_id
        check_reference(
            session, Organisation, organisation_id, "organisation_id", "organisation", problems
        )
        raise_if(problems)
        member = TaskforceMember(
            taskforce_id=taskforce_id,
            person_id=person_id,
            organisation_id=organisation_id,
            role=role,
        )
        session.add(member)
        session.flush()
    return next(m for m in list_members(db, taskforce_id) if m.id == member.id)


def remove_member(db: Database, member_id: int) -> None:
    with db.write() as session:
        session.delete(get_or_raise(session, TaskforceMember, member_id, "taskforce member"))


def list_members(db: Database, taskforce_id: int) -> list[MemberRow]:
    with db.read() as session:
        rows = session.execute(
            select(TaskforceMember, Contact.first_name, Contact.last_name, Organisation.name)
            .outerjoin(Contact, Contact.id == TaskforceMember.person_id)
            .outerjoin(Organisation, Organisation.id == TaskforceMember.organisation_id)
            .where(TaskforceMember.taskforce_id == taskforce_id)
            .order_by(Organisation.sort_name, Contact.sort_name, TaskforceMember.id)
        )
        return [
            MemberRow(
                id=m.id,
                taskforce_id=m.taskforce_id,
                person_id=m.person_id,
                contact_name=f"{first} {last}" if last else None,
                organisation_id=m.organisation_id,
                organisation_name=org_name,
                role=m.role,
            )
            for m, first, last, org_name in rows
        ]


# --- roadmap ----------------------------------------------------------------


def validate_action(session: Session, draft: ActionDraft) -> dict[str, object]:
    """The values to store for *draft*, by the rules of domain.rules (as an import)."""
    problems: list[FieldProblem] = []
    values: dict[str, object] = {
        key: collect(problems, rules.check_field, rules.ACTION_FIELDS, key, getattr(draft, key))
        for key in rules.ACTION_FIELDS
    }
    values.update(
        {
            "owner_person_id": draft.owner_person_id,
            "owner_organisation_id": draft.owner_organisation_id,
            "status": enum_value(draft.status, ActionStatus, "status", problems),
            "progress": values["progress"] or 0,
            "is_milestone": bool(draft.is_milestone),
            "decided_in_meeting_id": draft.decided_in_meeting_id,
        }
    )
    rules.add_cross_problems(problems, rules.action_problems(values))
    check_reference(session, Contact, draft.owner_person_id, "owner_person_id", "contact", problems)
    check_reference(
        session,
        Organisation,
        draft.owner_organisation_id,
        "owner_organisation_id",
        "organisation",
        problems,
    )
    check_reference(
        session, Meeting, draft.decided_in_meeting_id, "decided_in_meeting_id", "meeting", problems
    )
    raise_if(problems)
    if values["status"] == ActionStatus.DONE.value:
        # Done means done: full progress, dated today unless told otherwise.
        values["progress"] = 100
        values["done_date"] = values["done_date"] or dt.date.today()
    return values


def _action_rows(session: Session, where: list[object]) -> list[ActionRow]:
    query = (
        select(RoadmapAction, Contact.first_name, Contact.last_name, Organisation.name)
        .outerjoin(Contact, Contact.id == RoadmapAction.owner_person_id)
        # The owner's organisation: the one named on the action, else the person's.
        .outerjoin(
            Organisation,
            Organisation.id
            == func.coalesce(RoadmapAction.owner_organisation_id, Contact.organisation_id),
        )
        .where(*where)  # type: ignore[arg-type]
        .order_by(RoadmapAction.taskforce_id, RoadmapAction.position, RoadmapAction.id)
    )
    rows = []
    for a, first, last, org_name in session.execute(query):
        contact = f"{first} {last}" if last else None
        owner = f"{contact} ({org_name})" if contact and org_name else contact or org_name
        rows.append(
            ActionRow(
                id=a.id,
                taskforce_id=a.taskforce_id,
                position=a.position,
                title=a.title,
                description=a.description,
                owner_person_id=a.owner_person_id,
                owner_organisation_id=a.owner_organisation_id,
                owner=owner,
                start_date=a.start_date,
                due_date=a.due_date,
                status=a.status,
                progress=a.progress,
                is_milestone=a.is_milestone,
                done_date=a.done_date,
                deliverable=a.deliverable,
                decided_in_meeting_id=a.decided_in_meeting_id,
                updated_at=a.updated_at,
                updated_by=a.updated_by,
                version=a.version,
            )
        )
    return rows


def list_actions(
    db: Database, *, taskforce_id: int | None = None, include_archived: bool = False
) -> list[ActionRow]:
    """Roadmap actions in roadmap order.

    Without a taskforce: the actions of every taskforce, archived taskforces'
    only when include_archived.
    """
    where: list[object] = []
    if taskforce_id is not None:
        where.append(RoadmapAction.taskforce_id == taskforce_id)
    elif not include_archived:
        where.append(
            RoadmapAction.taskforce_id.in_(
                select(Taskforce.id).where(Taskforce.archived_at.is_(None))
            )
        )
    with db.read() as session:
        return _action_rows(session, where)


def next_position(session: Session, taskforce_id: int) -> int:
    """The place of an action added at the end of the taskforce's roadmap."""
    last = session.scalar(
        select(func.max(RoadmapAction.position)).where(RoadmapAction.taskforce_id == taskforce_id)
    )
    return (last or 0) + 1


def add_action(db: Database, taskforce_id: int, draft: ActionDraft) -> ActionRow:
    """Append an action at the end of the roadmap."""
    with db.write() as session:
        get_or_raise(session, Taskforce, taskforce_id, "taskforce")
        values = validate_action(session, draft)
        action = RoadmapAction(
            taskforce_id=taskforce_id, position=next_position(session, taskforce_id), **values
        )
        session.add(action)
        session.flush()
        return _action_rows(session, [RoadmapAction.id == action.id])[0]


def update_action(
    db: Database, action_id: int, draft: ActionDraft, *, base: ActionRow | None = None
) -> ActionRow:
    """Save *draft* over the action; StaleRecordError when it is no longer the
    version of *base*, the row the user started from (services.versions)."""
    with db.write() as session:
        action = get_or_raise(session, RoadmapAction, action_id, "roadmap action")
        current = _action_rows(session, [RoadmapAction.id == action_id])[0]
        check_unchanged("roadmap action", base, current, action.title)
        for key, value in validate_action(session, draft).items():
            setattr(action, key, value)
        session.flush()
        return _action_rows(session, [RoadmapAction.id == action_id])[0]


def move_action(db: Database, action_id: int, new_position: int) -> list[ActionRow]:
    """Move an action to *new_position* (1-based) and renumber the roadmap 1..n."""
    with db.write() as session:
        action = get_or_raise(session, RoadmapAction, action_id, "roadmap action")
        ids = list(
            session.scalars(
                select(RoadmapAction.id)
                .where(RoadmapAction.taskforce_id == action.taskforce_id)
                .order_by(RoadmapAction.position, RoadmapAction.id)
            )
        )
        ids.remove(action_id)
        index = min(max(new_position, 1), len(ids) + 1) - 1
        ids.insert(index, action_id)
        renumber(session, RoadmapAction, ids, first=1)
        return _action_rows(session, [RoadmapAction.taskforce_id == action.taskforce_id])


def delete_action(db: Database, action_id: int) -> None:
    """Remove a line from a roadmap and close the gap in the numbering."""
    with db.write() as session:
        action = get_or_raise(session, RoadmapAction, action_id, "roadmap action")
        taskforce_id, position = action.taskforce_id, action.position
        session.delete(action)
        session.flush()
        session.execute(
            update(RoadmapAction)
            .where(RoadmapAction.taskforce_id == taskforce_id, RoadmapAction.position > position)
            .values(position=RoadmapAction.position - 1)
        )


def draft_of(action: ActionRow) -> ActionDraft:
    """The draft that recreates *action* (same fields, same meeting)."""
    return ActionDraft(
        title=action.title,
        description=action.description,
        owner_person_id=action.owner_person_id,
        owner_organisation_id=action.owner_organisation_id,
        start_date=action.start_date,
        due_date=action.due_date,
        status=action.status,
        progress=action.progress,
        is_milestone=action.is_milestone,
        done_date=action.done_date,
        deliverable=action.deliverable,
        decided_in_meeting_id=action.decided_in_meeting_id,
    )


def restore_actions(
    db: Database,
    taskforce_id: int,
    *,
    remove_ids: Sequence[int] = (),
    restore: Sequence[ActionRow] = (),
    recreate: Sequence[ActionRow] = (),
) -> list[int]:
    """Put several lines of a roadmap back as they were, in one transaction.

    The undo and redo of an import: the actions *remove_ids* are deleted, the
    actions of *restore* get the values of these rows again (same id, place
    untouched) and those of *recreate* are added again (new ids) at the places
    their rows give. The roadmap is then numbered 1..n. Returns the ids of the
    added actions, in the order of *recreate*. Raises NotFoundError, and
    writes nothing, when an action to remove or update is no longer in the
    taskforce (deleted since); ValidationError when a row no longer validates
    (its owner erased, say).
    """
    with db.write() as session:
        get_or_raise(session, Taskforce, taskforce_id, "taskforce")

        def own(action_id: int) -> RoadmapAction:
            action = get_or_raise(session, RoadmapAction, action_id, "roadmap action")
            if action.taskforce_id != taskforce_id:
                raise NotFoundError("roadmap action", action_id)
            return action

        for action_id in remove_ids:
            session.delete(own(action_id))
        for row in restore:
            action = own(row.id)
            for key, value in validate_action(session, draft_of(row)).items():
                setattr(action, key, value)
        created: list[tuple[int, RoadmapAction]] = []
        for row in recreate:
            values = validate_action(session, draft_of(row))
            action = RoadmapAction(taskforce_id=taskforce_id, position=row.position, **values)
            session.add(action)
            created.append((row.position, action))
        session.flush()
        new_ids = {action.id for _, action in created}
        order = [
            action_id
            for action_id in session.scalars(
                select(RoadmapAction.id)
                .where(RoadmapAction.taskforce_id == taskforce_id)
                .order_by(RoadmapAction.position, RoadmapAction.id)
            )
            if action_id not in new_ids
        ]
        for position, action in sorted(created, key=lambda item: item[0]):
            order.insert(min(max(position, 1), len(order) + 1) - 1, action.id)
        renumber(session, RoadmapAction, order, first=1)
        return [action.id for _, action in created]
