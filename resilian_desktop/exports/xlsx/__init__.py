"""Excel workbooks: attendance sheets and the funders' period report.

Qt-free and database-free: plain dataclasses in, .xlsx files out, each written
through exports.files.atomic_output. Every cell goes through exports.xlsx.cells
(no formula injection, no XML-forbidden character, valid sheet names).
"""
