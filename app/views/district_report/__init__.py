"""The district centre's report page (区级报表)."""
