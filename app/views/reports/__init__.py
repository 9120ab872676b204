"""The reports page (统计报表): a period's figures beside the period before, charts, and
the workbook and PDF for the district centre."""
