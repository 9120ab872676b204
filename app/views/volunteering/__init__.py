"""Volunteer activities in the window: the list, planning one, the attendance mode that
turns the scan field into a turnstile, and closing an activity into hours and points."""
