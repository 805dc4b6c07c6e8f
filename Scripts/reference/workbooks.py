"""Writes the workbook fixtures StakeNet's tests read (Tests/Fixtures/workbooks), with openpyxl, and beside
each the CSV folder holding the network it should be read as.

- kumu-study.xlsx: Kumu's import layout (Elements keyed by Label, Connections From/To), with inline strings
  (openpyxl's; LibreOffice's copy has shared strings), numbers, booleans, a date column (Founded), start dates in date cells (read as years), an #N/A error cell
  (read as missing), a list cell (a|b, Kumu's multiple values) and a connection to two elements at once.
- one-sheet.xlsx: a workbook of one sheet, read as an edge list.
- bad-weight.xlsx: a weight that is a word at Connections!D4 (the location the message must give).
- bad-shared-string.xlsx: a cell naming a shared string the workbook does not have.
- two-sheets-no-ties.xlsx: two sheets, neither named as a sheet of ties.
- zip-bomb.xlsx: a sheet that expands to 600 MB of spaces from under a megabyte.
- interviews.xlsx: ties with a "Reported by" column (one row known from a register), and sheets of respondents and
  perceptions; interviews-bad-influence.xlsx: an influence that is a word at perceptions!C5.

Run through Scripts/reference/workbooks, which also has LibreOffice save three of them again (libreoffice-*.xlsx).
"""
import datetime
import os
import sys
import zipfile

import openpyxl
from openpyxl.cell.cell import Cell

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def fixed(workbook):
    """Fixed document dates (openpyxl still varies a few bytes between runs)."""
    stamp = datetime.datetime(2026, 1, 1)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    return workbook


def save(workbook, name):
    path = os.path.join(out, name)
    fixed(workbook).save(path)
    # Fixed ZIP entry dates too.
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            info.date_time = (2026, 1, 1, 0, 0, 0)
            target.writestr(info, data)


# Kumu's template.
book = openpyxl.Workbook()
elements = book.active
elements.title = "Elements"
elements.append(["Label", "Type", "Description", "Founded", "Active", "Staff", "Tags"])
rows = [
    ("Health Mutual", "Spin out", "A community health spin-out", datetime.date(2011, 4, 1), True, 420, "health|community"),
    ("Leisure Trust", "Leisure trust", "Runs the town's pools", datetime.date(1998, 10, 1), True, 150, "leisure"),
    ("County Council", "Local authority", "Commissions both", None, False, 9000, None),
    ("Big Lottery", "Funder", "A national funder", datetime.date(1994, 1, 1), True, None, "funding"),
]
for row in rows:
    elements.append(list(row))
for cell in elements["D"][1:]:
    cell.number_format = "yyyy-mm-dd"
connections = book.create_sheet("Connections")
connections.append(["From", "To", "Type", "Strength", "Start", "End", "Note"])
links = [
    ("County Council", "Health Mutual|Leisure Trust", "Commissioning", 3, datetime.date(2012, 4, 1), 2020, "contract"),
    ("Big Lottery", "Health Mutual", "Funding", 2, datetime.date(2013, 1, 15), 2015, "#N/A"),
    ("Health Mutual", "Leisure Trust", "Partnership", 1.5, None, None, "shared staff"),
]
for link in links:
    connections.append(list(link))
for cell in connections["E"][1:]:
    if cell.value is not None:
        cell.number_format = "dd/mm/yyyy"
connections["G3"].data_type = "e"  # an error cell: #N/A
save(book, "kumu-study.xlsx")

# The same network as Kumu's CSV sheets (elements keyed by Label, lists split by |), as StakeNet should read it.
os.makedirs(os.path.join(out, "kumu-study"), exist_ok=True)
with open(os.path.join(out, "kumu-study", "elements.csv"), "w", encoding="utf-8") as handle:
    handle.write("Label,Type,Description,Founded,Active,Staff,Tags\n")
    handle.write("Health Mutual,Spin out,A community health spin-out,2011-04-01,true,420,health|community\n")
    handle.write("Leisure Trust,Leisure trust,Runs the town's pools,1998-10-01,true,150,leisure\n")
    handle.write("County Council,Local authority,Commissions both,,false,9000,\n")
    handle.write("Big Lottery,Funder,A national funder,1994-01-01,true,,funding\n")
with open(os.path.join(out, "kumu-study", "connections.csv"), "w", encoding="utf-8") as handle:
    handle.write("From,To,Type,Strength,Start,End,Note\n")
    handle.write("County Council,Health Mutual|Leisure Trust,Commissioning,3,2012-04-01,2020,contract\n")
    handle.write("Big Lottery,Health Mutual,Funding,2,2013-01-15,2015,#N/A\n")
    handle.write("Health Mutual,Leisure Trust,Partnership,1.5,,,shared staff\n")

# One sheet: an edge list.
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Sheet1"
sheet.append(["source", "target", "weight"])
for row in [("a", "b", 1), ("b", "c", 2), ("c", "a", 3), ("c", "d", 1)]:
    sheet.append(list(row))
save(book, "one-sheet.xlsx")

# A weight that is a word, in Connections!D4.
book = openpyxl.Workbook()
elements = book.active
elements.title = "Elements"
elements.append(["ID", "Label"])
for row in [("a", "A"), ("b", "B"), ("c", "C")]:
    elements.append(list(row))
connections = book.create_sheet("Connections")
connections.append(["From", "To", "Type", "Strength"])
for row in [("a", "b", "funding", 2), ("b", "c", "support", 1), ("a", "c", "support", "strong")]:
    connections.append(list(row))
save(book, "bad-weight.xlsx")

# Two sheets, neither of them ties.
book = openpyxl.Workbook()
book.active.title = "People"
book.active.append(["id"])
book.create_sheet("Notes").append(["text"])
save(book, "two-sheets-no-ties.xlsx")

# A shared string the workbook does not have: the sheet's part edited by hand.
source = os.path.join(out, "one-sheet.xlsx")
target = os.path.join(out, "bad-shared-string.xlsx")
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "xl/worksheets/sheet1.xml":
            text = data.decode("utf-8")
            cell = '<c r="A2" t="inlineStr"><is><t>a</t></is></c>'
            assert cell in text
            data = text.replace(cell, '<c r="A2" t="s"><v>999</v></c>').encode("utf-8")
        zout.writestr(info, data)

# A zip bomb: a sheet of 600 MB of spaces.
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(os.path.join(out, "zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for info in zin.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            bomb = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2026, 1, 1, 0, 0, 0))
            bomb.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(bomb, "w", force_zip64=True) as handle:
                handle.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                chunk = b" " * (1 << 20)
                for _ in range(600):
                    handle.write(chunk)
                handle.write(b"</sheetData></worksheet>")
        else:
            zout.writestr(info, zin.read(info.filename))

# interviews.xlsx: a multi-respondent network (ties with a "Reported by" column, rows without one known from
# a register) with sheets of respondents and perceptions; influence 'tall' at perceptions!C5 is not a number
# in interviews-bad-influence.xlsx.
def interviews(name, bad_influence=False):
    book = openpyxl.Workbook()
    nodes = book.active
    nodes.title = "nodes"
    for row in [["id", "label", "kind"], ["trust", "Leisure trust", "leisure-trust"], ["council", "Council", "commissioner"],
                ["fund", "Sport funder", "funder"], ["union", "Union branch", "union"]]:
        nodes.append(row)
    edges = book.create_sheet("edges")
    for row in [["source", "target", "kind", "Reported by"], ["council", "trust", "commissioning", None],
                ["fund", "trust", "funding", "dir"], ["fund", "trust", "funding", "staff"], ["union", "trust", "representation", "staff"],
                ["council", "fund", "partnership", "dir"]]:
        edges.append(row)
    respondents = book.create_sheet("respondents")
    for row in [["id", "role", "organisation"], ["dir", "director", "trust"], ["staff", "staff", "Leisure trust"]]:
        respondents.append(row)
    perceptions = book.create_sheet("perceptions")
    for row in [["respondent", "stakeholder", "influence", "attitude"], ["dir", "fund", 8, "+"], ["dir", "council", 6, "0"],
                ["staff", "fund", 5, "+"], ["staff", "union", "tall" if bad_influence else 4, "-"]]:
        perceptions.append(row)
    save(book, name)


interviews("interviews.xlsx")
interviews("interviews-bad-influence.xlsx", bad_influence=True)
