"""The station's reports (统计报表) for a month, quarter, year or any range of days: every
figure beside the same figure of the period before, computed from the ledger and the
records, and written as a workbook or a PDF for signing."""
