"""“Fusionner…” in the window: the duplicate chosen by typing, each field chosen
side by side, the merge made in one undo step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.qt.merge_dialog import MergeDialog
from resilian_desktop.services import contacts, organisations
from tests import factories as f
from tests.qt.helpers import choose_in_lookup

pytestmark = pytest.mark.usefixtures("french")


def _duplicates(db: Database) -> tuple[int, int, int]:
    keep = f.organisation(db, "Fonderie X", commune="Haguenau", postcode="67500")
    other = organisations.create_organisation(
        db,
        organisations.OrganisationDraft(
            name="Fonderie X SAS",
            commune="Haguenau",
            postcode="67500",
            siret="73282932000074",
            website="www.fonderie-x.fr",
        ),
        allow_duplicate=True,
    )
    contact = f.contact(db, "Anaïs", "Müller", organisation_id=other.id)
    return keep.id, other.id, contact.id


def test_merge_from_the_list_in_one_undo_step(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    keep, other, contact = _duplicates(db)
    window.show_page(window.PAGES.index("organisations"))
    page = window.current_list()
    page.reload()
    assert page.select_record(keep)
    assert window.merge_action.isEnabled()
    assert window.merge_action.text() == "Fusionner avec un &doublon…"

    dialog = MergeDialog(window.ctx, RecordKind.ORGANISATION, keep, "Fonderie X")
    qtbot.addWidget(dialog)
    dialog.show()
    choose_in_lookup(qtbot, dialog.other_lookup, "Fonderie X SAS")
    assert dialog.other_id() == other
    assert dialog.merge_button.isEnabled()
    # Side by side: the empty SIRET and website of the record kept take the
    # duplicate's by default; the officer keeps the name of the record kept.
    name_keep = dialog.findChild(type(dialog.groups["name"].button(1)), "name_keep")
    assert name_keep is not None and name_keep.isChecked()
    assert dialog.groups["siret"].button(2).isChecked()
    dialog.groups["website"].button(1).setChecked(True)  # not the duplicate's website
    assert dialog.choices()["website"] == "keep"
    command = dialog.command()
    assert (
        command is not None and command.text() == "Fusionner « Fonderie X SAS » dans « Fonderie X »"
    )
    assert window.ctx.execute(command)

    kept = organisations.get_organisation(db, keep)
    assert (kept.siret, kept.website) == ("73282932000074", None)
    assert contacts.get_contact(db, contact).organisation_id == keep
    assert other not in {o.id for o in organisations.list_organisations(db)}

    window.ctx.undo_stack.undo()
    assert contacts.get_contact(db, contact).organisation_id == other
    restored = organisations.get_organisation(db, other)
    assert restored.archived_at is None and restored.siret == "73282932000074"
    assert organisations.get_organisation(db, keep).siret is None

    window.ctx.undo_stack.redo()
    assert contacts.get_contact(db, contact).organisation_id == keep


def test_the_dialog_pictured(qtbot: QtBot, db: Database, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    keep, other, _contact = _duplicates(db)
    dialog = MergeDialog(window.ctx, RecordKind.ORGANISATION, keep, "Fonderie X")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_other(other, "Fonderie X SAS (Haguenau)")
    assert dialog.table.rowCount() == 12
    image = dialog.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "merge_dialog.png"))
    if shots := os.environ.get("RESILIAN_SHOTS"):  # to look at it: RESILIAN_SHOTS=folder
        image.save(str(Path(shots) / "merge_dialog.png"))


def test_the_import_dialog_imports_a_probable_duplicate_onto_its_record(
    qtbot: QtBot, db: Database, window
) -> None:  # type: ignore[no-untyped-def]
    """The samples' story in the window: the second "Céramiques de Soufflenheim"
    (another SIRET) is shown as a probable duplicate; the officer imports it
    onto the recorded one instead of creating it."""
    from resilian_desktop.qt.import_dialog import ImportDialog
    from tests.test_imports import SAMPLES

    recorded = f.organisation(
        db,
        "Céramiques de Soufflenheim",
        commune="Soufflenheim",
        postcode="67620",
        siret="73282932000074",
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(SAMPLES / "organisations.xlsx")
    assert dialog.same_as_check.isVisible()
    assert dialog.problem_rows() == 1 and not dialog.import_button.isEnabled()
    dialog.same_as_check.setChecked(True)
    assert dialog.problem_rows() == 0 and dialog.import_button.isEnabled()
    assert dialog.same_as == {11: recorded.id}
    result = dialog.run_import()
    assert result is not None and (result.created, result.updated) == (11, 1)
    kept = organisations.get_organisation(db, recorded.id)
    assert kept.siret == "00338063127827"  # the file's SIRET, on the recorded company
    names = [o.name for o in organisations.list_organisations(db)]
    assert names.count("Céramiques de Soufflenheim") == 1


def test_both_notes_are_kept_unless_one_side_is_chosen(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    keep = f.organisation(db, "Fonderie Y", commune="Haguenau", postcode="67500", notes="A")
    other = organisations.create_organisation(
        db,
        organisations.OrganisationDraft(
            name="Fonderie Y", commune="Haguenau", postcode="67500", notes="B"
        ),
        allow_duplicate=True,
    )
    dialog = MergeDialog(window.ctx, RecordKind.ORGANISATION, keep.id, "Fonderie Y")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_other(other.id, "Fonderie Y")
    notes = dialog.groups["notes"]
    assert notes.button(1).isChecked() and notes.button(2).isChecked()
    assert "notes" not in dialog.choices()  # joined, as the service does by default
    notes.button(2).click()
    assert dialog.choices()["notes"] == "other" and not notes.button(1).isChecked()
