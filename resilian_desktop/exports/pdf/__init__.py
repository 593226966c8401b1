"""PDF documents: taskforce roadmaps, meeting agendas and minutes, attendance sheets.

Qt-free and database-free: each writer takes a plain dataclass of
``model`` (filled by services.documents, or by hand) and writes an A4 PDF
atomically, with DejaVu Sans embedded. Every text is escaped before reportlab
reads it, so what the user typed prints as typed.
"""

from resilian_desktop.exports.pdf.attendance import (
    AttendanceSheetDocument,
    SheetLine,
    write_attendance_pdf,
)
from resilian_desktop.exports.pdf.meeting import write_agenda_pdf, write_minutes_pdf
from resilian_desktop.exports.pdf.model import (
    ActionLine,
    AgendaDocument,
    Funder,
    Letterhead,
    MeetingInfo,
    MemberLine,
    MinutesDocument,
    Participant,
    RoadmapDocument,
)
from resilian_desktop.exports.pdf.roadmap import write_roadmap_pdf

__all__ = [
    "ActionLine",
    "AgendaDocument",
    "AttendanceSheetDocument",
    "Funder",
    "Letterhead",
    "MeetingInfo",
    "MemberLine",
    "MinutesDocument",
    "Participant",
    "RoadmapDocument",
    "SheetLine",
    "write_agenda_pdf",
    "write_attendance_pdf",
    "write_minutes_pdf",
    "write_roadmap_pdf",
]
