"""Layout shared by the workbook writers: safe cells, streamed tables, print set-up."""
