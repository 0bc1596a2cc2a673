#!/usr/bin/env python3
"""Reads an .xlsx back with openpyxl and prints each row's cells as the CSV writes them, each with
its type: s (text), n (a number), h (a duration: a time value shown [h]:mm), d (a date), '' empty.
Usage: xlsx_read.py FILE.xlsx DECIMAL_MARK   (one row a line, cells tab-separated as TYPE|TEXT)"""
import datetime
import sys

import openpyxl

EXCEL_EPOCH = datetime.datetime(1899, 12, 30)


def minutes_of(cell):
    v = cell.value
    if isinstance(v, datetime.timedelta):
        return round(v.total_seconds() / 60)
    if isinstance(v, datetime.datetime):  # an older openpyxl reads [h]:mm as a date from 1899-12-30
        return round((v - EXCEL_EPOCH).total_seconds() / 60)
    if isinstance(v, datetime.time):
        return v.hour * 60 + v.minute
    return round(float(v) * 24 * 60)


def main():
    path, decimal = sys.argv[1], sys.argv[2]
    ws = openpyxl.load_workbook(path).active
    for row in ws.iter_rows():
        out = []
        for cell in row:
            v = cell.value
            if v is None:
                out.append("|")
            elif cell.number_format == "[h]:mm":
                m = minutes_of(cell)
                hundredths = (m * 100 + 30) // 60
                out.append("h|%d%s%02d" % (hundredths // 100, decimal, hundredths % 100))
            elif isinstance(v, (datetime.datetime, datetime.date)):
                out.append("d|" + v.strftime("%Y-%m-%d"))
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                out.append("n|%d" % v if float(v).is_integer() else "n|%s" % v)
            else:
                out.append("s|" + str(v).replace("\t", " "))
        while out and out[-1] == "|":
            out.pop()
        print("\t".join(out))


if __name__ == "__main__":
    main()
