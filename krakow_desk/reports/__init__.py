"""PDF reports built with ReportLab from the services' read models (no Qt here).

The shared base every report uses:

- ``fonts``: the shipped Unicode fonts (DejaVu Sans; Droid Sans Fallback for Chinese and
  Japanese), registered once per process; ``font_for`` picks a font that has a character.
- ``text``: ``para(text, style)`` for any user text — escaped, line breaks kept, each script in a
  font that has it, Arabic joined and ordered right to left; ``markup()`` + ``rich()`` to mix user
  text into markup of our own (``f"<b>{markup(label, fonts.BOLD)}</b> {markup(value)}"``).
- ``styles``: page geometry, colours, ``styles()`` with the paragraph styles.
- ``blocks``: headings, sections, facts (label: value), data tables with a repeating heading row
  and wrapped cells, warning and notice boxes, quiet notes.
- ``document``: ``build_pdf(story, ReportInfo(...)) -> bytes`` lays the story out on A4 with the
  running header and the footer (page X of Y, date printed, language), deterministically;
  ``write_pdf(data, path)`` writes a file whole or not at all (DeskError on failure).

A report module builds its story inside ``krakow_desk.i18n.using_language(lang)``, so it prints in
its own language while the window keeps its own (see ``briefing``).
"""
