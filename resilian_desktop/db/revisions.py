"""The schema revisions this version knows, oldest first.

Kept here so that opening a current database does not import Alembic and
parse every migration script (about 0.2 s at each start). A test checks that
this list matches the scripts in migrations/versions.
"""

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004_person_email_key",
    "0005_merged_into",
    "0006_signatures",
    "0007_meeting_attachments",
    "0008_proofs_venue_capacity",
    "0009_row_versions",
    "0010_team_members",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
