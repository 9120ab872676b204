"""The district centre's window and its pages."""
