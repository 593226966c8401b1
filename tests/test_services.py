"""Services on real migrated SQLite files: validation, duplicates, history, transactions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Organisation
from resilian_desktop.domain.errors import NotFoundError, ValidationError
from resilian_desktop.services import (
    contacts,
    listings,
    meetings,
    organisations,
    programmes,
    taskforces,
)
from resilian_desktop.services.common import DuplicateError, HasHistoryError
from resilian_desktop.services.search import search
from tests import factories as f

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def fields_of(error: ValidationError) -> set[str]:
    return {p.field for p in error.problems}


# --- organisations ------------------------------------------------------------


def test_organisation_is_normalised_and_read_back(db: Database) -> None:
    row = f.organisation(
        db,
        "  Société  Alsacienne de Mécanique ",
        siret="732 829 320 00074",
        naf_code="2562a",
        headcount="1 500",
        website="www.sam-alsace.fr",
    )
    assert row.name == "Société Alsacienne de Mécanique"
    assert row.siret == "73282932000074"
    assert row.siren == "732829320"
    assert row.naf_code == "25.62A"
    assert row.headcount == 1500
    assert row.website == "https://www.sam-alsace.fr"
    assert organisations.get_organisation(db, row.id) == row


def test_organisation_errors_name_every_bad_field_and_write_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        f.organisation(db, " ", siret="73282932000075", postcode="675", kind="bakery")
    assert fields_of(caught.value) == {"name", "siret", "postcode", "kind"}
    assert count(db, Organisation) == 0


def test_unknown_topic_rolls_back_the_whole_save(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        f.organisation(db, expertise_topic_ids=(999,))
    assert fields_of(caught.value) == {"topics"}
    assert count(db, Organisation) == 0


def test_same_siret_is_refused_even_when_forced(db: Database) -> None:
    first = f.organisation(db, "Plasturgie Nord", siret=f.SIRET_A)
    with pytest.raises(ValidationError) as caught:
        f.organisation(db, "Autre nom", commune="Haguenau", siret=f.SIRET_A)
    assert caught.value.problems[0].code == "siret_taken"
    assert f"#{first.id}" in caught.value.problems[0].message
    with pytest.raises(ValidationError):
        organisations.create_organisation(
            db,
            organisations.OrganisationDraft(name="X", siret=f.SIRET_A),
            allow_duplicate=True,
        )


def test_same_name_in_same_commune_is_a_duplicate_unless_confirmed(db: Database) -> None:
    first = f.organisation(db, "L'Œuvre Métallique SAS", commune="Haguenau", postcode="67500")
    with pytest.raises(DuplicateError) as caught:
        f.organisation(db, "l'oeuvre metallique", commune="HAGUENAU", postcode="67500")
    assert caught.value.matches[0][0] == first.id
    # Same name elsewhere is another site; confirmed duplicates are saved.
    f.organisation(db, "L'Œuvre Métallique", commune="Bischwiller", postcode="67240")
    organisations.create_organisation(
        db,
        organisations.OrganisationDraft(name="L'oeuvre Metallique", commune="Haguenau"),
        allow_duplicate=True,
    )
    assert count(db, Organisation) == 3


def test_update_keeps_own_siret_and_changes_fields(db: Database) -> None:
    row = f.organisation(db, siret=f.SIRET_A)
    updated = organisations.update_organisation(
        db,
        row.id,
        organisations.OrganisationDraft(
            name="Fonderie Cœur d'Alsace", siret=f.SIRET_A, commune="Haguenau"
        ),
    )
    assert updated.commune == "Haguenau"
    assert updated.updated_at >= row.updated_at


def test_topics_of_expertise_and_need(db: Database) -> None:
    lean = programmes.create_topic(db, "Lean")
    energy = programmes.create_topic(db, "Énergie")
    with pytest.raises(ValidationError):
        programmes.create_topic(db, "energie")
    row = f.organisation(db, expertise_topic_ids=(lean.id,), need_topic_ids=(energy.id, lean.id))
    assert row.expertise_topics == ("Lean",)
    assert row.need_topics == ("Lean", "Énergie")


# --- people -------------------------------------------------------------------


def test_contact_validation_names_fields(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        f.contact(db, "", "Wiśniewski", email="lukasz@", phone="03 88", is_elected_official=True)
    assert fields_of(caught.value) == {"first_name", "email", "phone", "mandate"}


def test_contact_normalises_and_dates_the_legal_basis(db: Database) -> None:
    org = f.organisation(db)
    row = f.contact(
        db,
        "Łukasz",
        "Wiśniewski",
        civility="M.",
        organisation_id=org.id,
        email="Lukasz.Wisniewski@Fonderie.FR",
        phone="+33 3 88 12 34 56",
    )
    assert row.phone == "03 88 12 34 56"
    assert row.email == "Lukasz.Wisniewski@fonderie.fr"
    assert row.organisation_name == org.name
    assert row.consent_basis == "legitimate_interest"
    assert row.consent_date == dt.date.today()


def test_contact_duplicates_by_email_or_name_in_organisation(db: Database) -> None:
    org = f.organisation(db)
    first = f.contact(db, "Jean-François", "Schœnenberger", organisation_id=org.id, email="jf@x.fr")
    with pytest.raises(DuplicateError) as by_email:
        f.contact(db, "Other", "Name", email="JF@x.fr")
    assert by_email.value.matches[0][:1] == (first.id,)
    with pytest.raises(DuplicateError):
        f.contact(db, "jean-francois", "SCHOENENBERGER", organisation_id=org.id)
    # The same name in another organisation is someone else.
    f.contact(db, "Jean-François", "Schœnenberger", email="jf2@y.fr")


def test_unknown_organisation_is_a_field_error(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        f.contact(db, organisation_id=42)
    assert fields_of(caught.value) == {"organisation_id"}


# --- meetings and attendance --------------------------------------------------


def test_meeting_times_must_be_ordered(db: Database) -> None:
    prog = f.programme(db)
    with pytest.raises(ValidationError) as caught:
        f.meeting(db, prog.id, start_time="14h00", end_time="9h30")
    assert fields_of(caught.value) == {"end_time"}


def test_attendance_keeps_the_organisation_of_the_day(db: Database) -> None:
    prog = f.programme(db)
    old = f.organisation(db, "Ancienne Entreprise")
    new = f.organisation(db, "Nouvelle Entreprise", siret=f.SIRET_B)
    who = f.contact(db, organisation_id=old.id, job_title="Responsable RH")
    meeting = f.meeting(db, prog.id, start_time="09:00", end_time="16:30")
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    contacts.update_contact(
        db,
        who.id,
        contacts.ContactDraft(first_name="Anaïs", last_name="Müller", organisation_id=new.id),
    )
    (row,) = meetings.list_attendance(db, meeting.id)
    assert row.organisation_name == "Ancienne Entreprise"
    assert row.organisation_id == old.id
    assert row.job_title == "Responsable RH"
    assert (row.present_morning, row.present_afternoon) == (True, True)
    assert meetings.get_meeting(db, meeting.id).present == 1


def test_attendance_per_half_day_and_counts(db: Database) -> None:
    prog = f.programme(db)
    a, b, c = (f.contact(db, "P", name) for name in ("Yılmaz", "Gonçalves", "Nguyễn"))
    meeting = f.meeting(db, prog.id, start_time="09:00", end_time="16:30")
    meetings.set_attendance(db, meeting.id, [a.id, b.id, c.id], status="invited")
    meetings.set_attendance(db, meeting.id, [a.id], status="present", present_afternoon=False)
    meetings.set_attendance(db, meeting.id, [b.id], status="excused")
    rows = {r.person_id: r for r in meetings.list_attendance(db, meeting.id)}
    assert (rows[a.id].present_morning, rows[a.id].present_afternoon) == (True, False)
    assert (rows[b.id].status, rows[b.id].present_morning) == ("excused", False)
    assert rows[c.id].status == "invited"
    got = meetings.get_meeting(db, meeting.id)
    assert (got.invited, got.present, got.half_days) == (3, 1, ("morning", "afternoon"))


def test_bad_attendance_status_is_refused(db: Database) -> None:
    prog = f.programme(db)
    meeting = f.meeting(db, prog.id)
    with pytest.raises(ValidationError):
        meetings.set_attendance(db, meeting.id, [], status="maybe")


# --- taskforces and roadmaps --------------------------------------------------


def test_roadmap_add_move_complete_and_late(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    tf = f.taskforce(db, prog.id, lead_organisation_id=org.id, status="active")
    titles = ["Diagnostic", "Appel d'offres", "Choix du fournisseur"]
    actions = [
        taskforces.add_action(
            db,
            tf.id,
            taskforces.ActionDraft(
                title=t, due_date=dt.date(2020, 1, i + 1), owner_organisation_id=org.id
            ),
        )
        for i, t in enumerate(titles)
    ]
    assert [a.position for a in actions] == [1, 2, 3]
    reordered = taskforces.move_action(db, actions[2].id, 1)
    assert [a.title for a in reordered] == ["Choix du fournisseur", "Diagnostic", "Appel d'offres"]
    assert [a.position for a in reordered] == [1, 2, 3]
    done = taskforces.update_action(
        db, actions[0].id, taskforces.ActionDraft(title="Diagnostic", status="done")
    )
    assert (done.progress, done.done_date) == (100, dt.date.today())
    row = taskforces.get_taskforce(db, tf.id)
    assert (row.actions, row.actions_done, row.actions_late) == (3, 1, 2)
    taskforces.delete_action(db, actions[1].id)
    assert [a.position for a in taskforces.list_actions(db, taskforce_id=tf.id)] == [1, 2]


def test_roadmap_lines_put_back_in_one_transaction(db: Database) -> None:
    """restore_actions: the undo and redo of an import of actions."""
    prog = f.programme(db)
    tf = f.taskforce(db, prog.id)
    other = f.taskforce(db, prog.id, name="Autre")
    one, two, three = (
        taskforces.add_action(db, tf.id, taskforces.ActionDraft(title=t))
        for t in ("Un", "Deux", "Trois")
    )
    done = taskforces.update_action(
        db, two.id, taskforces.ActionDraft(title="Deux", status="done", done_date="02/03/2026")
    )
    # Undo: "Trois" goes, "Deux" gets its values of before back.
    assert taskforces.restore_actions(db, tf.id, remove_ids=[three.id], restore=[two]) == []
    rows = taskforces.list_actions(db, taskforce_id=tf.id)
    assert [(a.title, a.position, a.status, a.done_date) for a in rows] == [
        ("Un", 1, "todo", None),
        ("Deux", 2, "todo", None),
    ]
    # Redo: "Trois" again at its place (a new id), "Deux" done again.
    taskforces.move_action(db, one.id, 2)  # the order changed in between
    (new_id,) = taskforces.restore_actions(db, tf.id, restore=[done], recreate=[three])
    rows = taskforces.list_actions(db, taskforce_id=tf.id)
    assert [(a.id, a.title, a.position) for a in rows] == [
        (two.id, "Deux", 1),
        (one.id, "Un", 2),
        (new_id, "Trois", 3),
    ]
    assert (rows[0].status, rows[0].done_date) == ("done", dt.date(2026, 3, 2))
    # An action gone since, or of another taskforce: refused, nothing written.
    stranger = taskforces.add_action(db, other.id, taskforces.ActionDraft(title="Ailleurs"))
    for gone in (999, stranger.id):
        with pytest.raises(NotFoundError):
            taskforces.restore_actions(db, tf.id, remove_ids=[new_id, gone], restore=[two])
        assert taskforces.list_actions(db, taskforce_id=tf.id) == rows
    assert len(taskforces.list_actions(db, taskforce_id=other.id)) == 1


def test_action_dates_and_progress_are_validated(db: Database) -> None:
    prog = f.programme(db)
    tf = f.taskforce(db, prog.id)
    with pytest.raises(ValidationError) as caught:
        taskforces.add_action(
            db,
            tf.id,
            taskforces.ActionDraft(
                title="", start_date="01/06/2026", due_date="01/05/2026", progress=150
            ),
        )
    assert fields_of(caught.value) == {"title", "due_date", "progress"}


def test_members_and_lead(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    who = f.contact(db, organisation_id=org.id)
    tf = f.taskforce(db, prog.id, lead_person_id=who.id, lead_organisation_id=org.id)
    member = taskforces.add_member(db, tf.id, person_id=who.id, role="lead")
    assert (member.organisation_id, member.contact_name) == (org.id, "Anaïs Müller")
    assert [p.id for p in contacts.list_contacts(db, taskforce_id=tf.id)] == [who.id]
    assert taskforces.get_taskforce(db, tf.id).lead_contact_name == "Anaïs Müller"


# --- deletion and history -----------------------------------------------------


def test_records_with_history_cannot_be_deleted(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    who = f.contact(db, organisation_id=org.id)
    meeting = f.meeting(db, prog.id)
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    with pytest.raises(HasHistoryError, match="contacts: 1"):
        organisations.delete_organisation(db, org.id)
    with pytest.raises(HasHistoryError, match="attendance"):
        contacts.delete_contact(db, who.id)
    with pytest.raises(HasHistoryError, match="attendance"):
        meetings.delete_meeting(db, meeting.id)
    lonely = f.organisation(db, "Sans Histoire", siret=f.SIRET_B)
    organisations.delete_organisation(db, lonely.id)
    with pytest.raises(NotFoundError):
        organisations.get_organisation(db, lonely.id)


def test_the_database_itself_restricts_deleting_history(
    db: Database, db_path: Path, engine: str
) -> None:
    prog = f.programme(db)
    who = f.contact(db)
    meeting = f.meeting(db, prog.id)
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    if engine == "postgresql":
        # Another client of the server is held by the same constraint.
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(text("DELETE FROM person WHERE id = :id"), {"id": who.id})
        with db.read() as session:
            assert session.scalar(text("SELECT count(*) FROM attendance")) == 1
        return
    db.dispose()
    # Even a raw connection with foreign keys on cannot drop attendance by deleting a parent.
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM person WHERE id = ?", (who.id,))
    assert raw.execute("SELECT count(*) FROM attendance").fetchone()[0] == 1
    raw.close()


# --- search -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("societe", "Société Générale de Tôlerie"),
        ("SOCIÉTÉ tol", "Société Générale de Tôlerie"),
        ("coeur", "Fonderie Cœur d'Alsace"),
        ("loreal", "L'Oréal Plasturgie"),
        ("l'oreal", "L'Oréal Plasturgie"),
        ("l’Oréal", "L'Oréal Plasturgie"),
        ("oreal", "L'Oréal Plasturgie"),
        ("oeuvre notre", "L'Œuvre Notre-Dame"),
    ],
)
def test_search_ignores_accents_case_ligatures_and_apostrophes(
    db: Database, typed: str, expected: str
) -> None:
    for i, name in enumerate(
        [
            "Société Générale de Tôlerie",
            "Fonderie Cœur d'Alsace",
            "L'Oréal Plasturgie",
            "L'Œuvre Notre-Dame",
        ]
    ):
        f.organisation(db, name, commune=f"Commune {i}")
    with db.read() as session:
        labels = [hit.label.split(" (")[0] for hit in search(session, typed)]
    assert labels == [expected]


def test_search_finds_contacts_meetings_taskforces_and_follows_changes(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db, "Ateliers Würth")
    who = f.contact(db, "Łukasz", "Wiśniewski", organisation_id=org.id)
    f.contact(db, "Thị Hồng", "Nguyễn")
    f.meeting(db, prog.id, title="Challenge chez Ateliers Würth")
    f.taskforce(db, prog.id, name="Décarbonation des procédés")
    with db.read() as session:
        assert {(h.type, h.label) for h in search(session, "lukasz wisniewski")} == {
            ("contact", "Łukasz Wiśniewski — Ateliers Würth")
        }
        assert [h.type for h in search(session, "nguyen hong")] == ["contact"]
        assert {h.type for h in search(session, "wurth")} == {"organisation", "contact", "meeting"}
        assert [h.type for h in search(session, "decarbonation")] == ["taskforce"]
        assert search(session, '"*') == []
        assert search(session, "NEAR(x) OR") == []
    organisations.update_organisation(
        db, org.id, organisations.OrganisationDraft(name="Würth Industrie", commune="Reichshoffen")
    )
    with db.read() as session:
        contact_hits = search(session, "wisniewski")
        assert contact_hits[0].label == "Łukasz Wiśniewski — Würth Industrie"
    contacts.update_contact(
        db, who.id, contacts.ContactDraft(first_name="Lukas", last_name="Wisner")
    )
    with db.read() as session:
        assert search(session, "wisniewski") == []
        assert [h.id for h in search(session, "wisner")] == [who.id]
    lonely = f.organisation(db, "Éphémère", siret=f.SIRET_B)
    organisations.delete_organisation(db, lonely.id)
    with db.read() as session:
        assert search(session, "ephemere") == []


def test_search_puts_label_matches_first_and_says_where_the_others_matched(db: Database) -> None:
    prog = f.programme(db)
    for number in range(4):  # long problem statements that mention energy
        f.taskforce(
            db,
            prog.id,
            name=f"Groupe {number}",
            problem_statement="Les factures d'énergie ont doublé. " * 3,
        )
    named = f.taskforce(
        db, prog.id, name="Énergie partagée", problem_statement="Un long texte. " * 40
    )
    contact = f.contact(db, "Élise", "Muller", job_title="Responsable énergie")
    hits = listings.find(db, "energie")
    assert (hits[0].type, hits[0].id) == ("taskforce", named.id)
    assert hits[0].context == ""
    by_id = {(hit.type, hit.id): hit for hit in hits}
    assert "energie" in by_id[("contact", contact.id)].context
