"""Time expressions: finding them in text and resolving them to date spans."""
