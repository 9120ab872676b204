"""The station's side of the district roll-up: packages for the centre and back."""
