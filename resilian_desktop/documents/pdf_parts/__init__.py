"""Layout shared by the PDF writers: page template, fonts, tables and badges."""
