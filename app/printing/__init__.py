"""Printed documents as PDF bytes: vouchers (A4 sheet and thermal roll), resident cards and
the passbook statement. Qt-free (reportlab and qrcode only), so the desk, the command line
and the tests share one implementation.

Nothing heavy is imported here: ``from app.printing.vouchers import voucher_sheet_pdf``
loads reportlab when a document is first wanted, and the fonts register on first use.
"""

# The printable widths, in dots, of the receipt printers the thermal layout is made for
# (58 mm rolls print 384, 80 mm rolls 576): here, so the settings page and the command
# line can offer them without loading reportlab.
ROLL_WIDTHS = (384, 416, 432, 576)
