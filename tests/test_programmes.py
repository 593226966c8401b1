"""Programmes with their funders, and the topics, on real migrated SQLite files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.documents import sources
from resilian_desktop.domain.errors import NotFoundError, ValidationError
from resilian_desktop.services import meetings, programmes
from resilian_desktop.services.common import HasHistoryError
from resilian_desktop.services.programmes import FunderDraft, ProgrammeDraft, TopicInUseError
from tests import factories as f

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def problems_of(error: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in error.problems}


def draft_of(row: programmes.ProgrammeRow, **changes: object) -> ProgrammeDraft:
    values: dict[str, object] = {
        "name": row.name,
        "territory": row.territory,
        "description": row.description,
        "agency_name": row.agency_name,
        "operation_reference": row.operation_reference,
        "funding_mention": row.funding_mention,
        "start_date": row.start_date,
        "end_date": row.end_date,
    }
    values.update(changes)
    return ProgrammeDraft(**values)  # type: ignore[arg-type]


def lines_of(row: programmes.ProgrammeRow) -> tuple[FunderDraft, ...]:
    return tuple(
        FunderDraft(
            fr.name,
            fr.organisation_id,
            fr.logo_file,
            fr.funding_mention,
            fr.operation_reference,
            fr.id,
        )
        for fr in row.funders
    )


# --- programmes ---------------------------------------------------------------


def test_update_a_programme(db: Database) -> None:
    prog = f.programme(db)
    row = programmes.update_programme(
        db,
        prog.id,
        draft_of(
            prog,
            name="RESILIAN — Alsace du Nord",
            operation_reference=" GE0012345 ",
            funding_mention="Action cofinancée par la Région Grand Est.\nEt l'agglomération.",
            start_date="01/09/2018",
        ),
    )
    assert (row.name, row.operation_reference, row.start_date) == (
        "RESILIAN — Alsace du Nord",
        "GE0012345",
        dt.date(2018, 9, 1),
    )
    assert row.funding_mention is not None and "\n" in row.funding_mention
    assert programmes.get_programme(db, prog.id) == row
    # What the documents print follows.
    assert sources.letterhead(db, prog.id).operation_reference == "GE0012345"


def test_programme_errors_name_their_fields_and_change_nothing(db: Database) -> None:
    prog = f.programme(db)
    f.programme(db, "Innovation alimentaire - Bas-Rhin")
    with pytest.raises(ValidationError) as caught:
        programmes.update_programme(
            db,
            prog.id,
            draft_of(
                prog,
                name="innovation alimentaire – bas rhin",
                start_date="01/01/2022",
                end_date="31/12/2021",
                operation_reference="x" * 101,
            ),
        )
    assert problems_of(caught.value) == {
        "name": "name_taken",
        "end_date": "end_before_start",
        "operation_reference": "too_long",
    }
    assert programmes.get_programme(db, prog.id) == prog
    with pytest.raises(ValidationError) as caught:
        programmes.update_programme(db, prog.id, draft_of(prog, name=" ", start_date="hier"))
    assert problems_of(caught.value) == {"name": "required", "start_date": "date_format"}
    # Its own name, in other case, is not a clash with itself.
    assert programmes.update_programme(db, prog.id, draft_of(prog, name=prog.name.upper()))
    with pytest.raises(NotFoundError):
        programmes.update_programme(db, 999, draft_of(prog))


def test_a_programme_is_deleted_only_when_nothing_refers_to_it(db: Database) -> None:
    prog = f.programme(db)
    programmes.add_funder(db, prog.id, name="Région Grand Est")
    f.meeting(db, prog.id)
    assert programmes.programme_usage(db, prog.id) == {"meetings": 1}
    with pytest.raises(HasHistoryError, match="meetings: 1"):
        programmes.delete_programme(db, prog.id)
    spare = programmes.create_programme(
        db, ProgrammeDraft(name="Erreur", funders=(FunderDraft("Fonds"),))
    )
    assert programmes.programme_usage(db, spare.id) == {}
    programmes.delete_programme(db, spare.id)
    assert [p.name for p in programmes.list_programmes(db)] == [prog.name]


# --- funders ------------------------------------------------------------------


def test_funders_saved_with_the_programme_in_one_transaction(db: Database) -> None:
    region = f.organisation(db, "Région Grand Est", kind="funder", commune="Strasbourg")
    prog = programmes.create_programme(
        db,
        ProgrammeDraft(
            name="RESILIAN - Alsace du Nord",
            funders=(
                FunderDraft(
                    "Région Grand Est",
                    organisation_id=region.id,
                    logo_file="logos/region.png",
                    funding_mention="Avec le soutien de la Région Grand Est",
                    operation_reference="GE0012345",
                ),
                FunderDraft("Agglomération de Haguenau"),
                FunderDraft("Fonds de revitalisation"),
            ),
        ),
    )
    assert [fr.name for fr in prog.funders] == [
        "Région Grand Est",
        "Agglomération de Haguenau",
        "Fonds de revitalisation",
    ]
    assert prog.funders[0].organisation_id == region.id
    first, second, third = lines_of(prog)
    # Reorder, rename one, drop one, add one: one save.
    row = programmes.update_programme(
        db,
        prog.id,
        draft_of(
            prog,
            funders=(
                FunderDraft("Communauté d'agglomération de Haguenau", id=second.id),
                first,
                FunderDraft("Union européenne (FEDER)", logo_file="logos/feder.jpg"),
            ),
        ),
    )
    assert [(fr.id, fr.name) for fr in row.funders] == [
        (second.id, "Communauté d'agglomération de Haguenau"),
        (first.id, "Région Grand Est"),
        (row.funders[2].id, "Union européenne (FEDER)"),
    ]
    assert third.id not in {fr.id for fr in row.funders[:2]}
    assert row.funders[1].operation_reference == "GE0012345"
    assert [fr.name for fr in sources.letterhead(db, prog.id).funders] == [
        fr.name for fr in row.funders
    ]
    # None leaves them alone.
    same = programmes.update_programme(db, prog.id, draft_of(row, territory="Alsace du Nord"))
    assert same.funders == row.funders


def test_swapping_two_funders_names_saves(db: Database) -> None:
    prog = programmes.create_programme(
        db, ProgrammeDraft(name="P", funders=(FunderDraft("A"), FunderDraft("B")))
    )
    a, b = lines_of(prog)
    row = programmes.update_programme(
        db,
        prog.id,
        draft_of(prog, funders=(FunderDraft("B", id=a.id), FunderDraft("A", id=b.id))),
    )
    assert [(fr.id, fr.name) for fr in row.funders] == [(a.id, "B"), (b.id, "A")]


def test_bad_funder_lines_save_nothing(db: Database) -> None:
    prog = programmes.create_programme(db, ProgrammeDraft(name="P", funders=(FunderDraft("A"),)))
    with pytest.raises(ValidationError) as caught:
        programmes.update_programme(
            db,
            prog.id,
            draft_of(
                prog,
                territory="Nord",
                funders=(
                    *lines_of(prog),
                    FunderDraft("a"),  # the same name in another case
                    FunderDraft(" ", logo_file="logos/region.pdf"),
                    FunderDraft("Fonds", organisation_id=999),
                    FunderDraft("Ailleurs", id=12345),
                ),
            ),
        )
    assert sorted((p.field, p.code) for p in caught.value.problems) == [
        ("funders", "logo_format"),
        ("funders", "name_taken"),
        ("funders", "required"),
        ("funders", "unknown_reference"),
        ("funders", "unknown_reference"),
    ]
    assert programmes.get_programme(db, prog.id) == prog


def test_add_update_move_and_remove_one_funder(db: Database) -> None:
    prog = f.programme(db)
    region = f.organisation(db, "Région Grand Est", kind="funder", commune="Strasbourg")
    for name in ("Région Grand Est", "Agglomération", "Fonds"):
        row = programmes.add_funder(db, prog.id, name=name)
    region_id, agglo_id, fund_id = (fr.id for fr in row.funders)
    row = programmes.update_funder(
        db,
        region_id,
        FunderDraft(
            "Région Grand Est",
            organisation_id=region.id,
            logo_file="logos/region.png",
            funding_mention="Avec le soutien de la Région Grand Est",
        ),
    )
    assert (row.funders[0].organisation_id, row.funders[0].logo_file) == (
        region.id,
        "logos/region.png",
    )
    with pytest.raises(ValidationError) as caught:
        programmes.update_funder(db, agglo_id, FunderDraft("fonds", organisation_id=999))
    assert problems_of(caught.value) == {
        "name": "name_taken",
        "organisation_id": "unknown_reference",
    }
    with pytest.raises(ValidationError) as caught:
        programmes.add_funder(db, prog.id, name="Autre", logo_file="logo.svg")
    assert problems_of(caught.value) == {"logo_file": "logo_format"}
    row = programmes.move_funder(db, fund_id, 0)
    assert [fr.id for fr in row.funders] == [fund_id, region_id, agglo_id]
    row = programmes.move_funder(db, fund_id, 99)
    assert [fr.id for fr in row.funders] == [region_id, agglo_id, fund_id]
    row = programmes.remove_funder(db, region_id)
    assert [fr.id for fr in row.funders] == [agglo_id, fund_id]
    # Positions stay 0..n-1: the next one added goes last.
    row = programmes.add_funder(db, prog.id, name="Union européenne")
    assert [fr.name for fr in row.funders] == ["Agglomération", "Fonds", "Union européenne"]
    with pytest.raises(NotFoundError):
        programmes.remove_funder(db, region_id)


def test_a_chosen_logo_is_copied_into_the_user_data_folder(tmp_path: Path) -> None:
    source = tmp_path / "Logo Région.PNG"
    Image.new("RGB", (60, 20), (0, 90, 160)).save(source, format="PNG")
    name = programmes.store_logo(source)
    assert name == "logos/logo-region.png"
    stored = paths.data_dir() / name
    assert stored.read_bytes() == source.read_bytes()
    source.unlink()  # the original may go: the copy stays
    assert programmes.store_logo(stored) == name  # the same image again: no second copy
    other = tmp_path / "elsewhere" / "logo région.png"
    other.parent.mkdir()
    Image.new("RGB", (60, 20), (200, 0, 0)).save(other, format="PNG")
    assert programmes.store_logo(other) == "logos/logo-region-2.png"
    with pytest.raises(ValidationError) as caught:
        programmes.store_logo(tmp_path / "logo.svg")
    assert problems_of(caught.value) == {"logo_file": "logo_format"}
    with pytest.raises(ValidationError) as caught:
        programmes.store_logo(tmp_path / "missing.png")
    assert problems_of(caught.value) == {"logo_file": "file_unreadable"}


# --- topics -------------------------------------------------------------------


def test_topics_are_reordered_and_renamed(db: Database) -> None:
    lean, digital, energy = (
        programmes.create_topic(db, name) for name in ("Lean", "Digitalisation", "Énergie")
    )
    assert [t.position for t in programmes.list_topics(db)] == [0, 1, 2]
    order = programmes.move_topic(db, energy.id, 0)
    assert [t.name for t in order] == ["Énergie", "Lean", "Digitalisation"]
    assert [t.position for t in order] == [0, 1, 2]
    assert [t.name for t in programmes.list_topics(db)] == ["Énergie", "Lean", "Digitalisation"]
    programmes.move_topic(db, energy.id, 5)
    assert [t.id for t in programmes.list_topics(db)] == [lean.id, digital.id, energy.id]
    renamed = programmes.rename_topic(db, digital.id, " Numérique ")
    assert renamed.name == "Numérique"
    with pytest.raises(ValidationError) as caught:
        programmes.rename_topic(db, digital.id, "energie")
    assert problems_of(caught.value) == {"name": "name_taken"}
    assert programmes.rename_topic(db, energy.id, "ÉNERGIE").name == "ÉNERGIE"


def test_a_topic_in_use_cannot_be_deleted(db: Database) -> None:
    lean = programmes.create_topic(db, "Lean")
    spare = programmes.create_topic(db, "Sécurité")
    last = programmes.create_topic(db, "Achats")
    prog = f.programme(db)
    f.organisation(db, expertise_topic_ids=(lean.id,), need_topic_ids=(lean.id,))
    f.meeting(db, prog.id, topic_ids=(lean.id,))
    usage = {
        u.name: (u.organisations, u.meetings, u.in_use) for u in programmes.list_topic_usage(db)
    }
    assert usage == {"Lean": (1, 1, True), "Sécurité": (0, 0, False), "Achats": (0, 0, False)}
    with pytest.raises(TopicInUseError) as caught:
        programmes.delete_topic(db, lean.id)
    assert (caught.value.organisations, caught.value.meetings) == (1, 1)
    assert "untick it" in str(caught.value)
    programmes.delete_topic(db, spare.id)
    assert [(t.id, t.position) for t in programmes.list_topics(db)] == [(lean.id, 0), (last.id, 1)]
    assert programmes.create_topic(db, "Sécurité").position == 2
    with pytest.raises(NotFoundError):
        programmes.delete_topic(db, spare.id)


def test_meeting_topics_count_in_the_usage(db: Database) -> None:
    lean = programmes.create_topic(db, "Lean")
    prog = f.programme(db)
    meeting = f.meeting(db, prog.id, topic_ids=(lean.id,))
    meetings.update_meeting(
        db,
        meeting.id,
        meetings.MeetingDraft(
            programme_id=prog.id,
            kind="business_corner",
            title="Business corner — Lean",
            date=dt.date(2026, 3, 12),
        ),
    )
    assert [u.meetings for u in programmes.list_topic_usage(db)] == [0]
    programmes.delete_topic(db, lean.id)
    assert programmes.list_topics(db) == []
